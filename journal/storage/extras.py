from journal.storage.base import StoreBase


class ExtrasMixin(StoreBase):
    pass

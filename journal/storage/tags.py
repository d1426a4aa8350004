from journal.storage.base import StoreBase


class TagsMixin(StoreBase):
    pass

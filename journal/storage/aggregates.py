from journal.storage.base import StoreBase


class StatsMixin(StoreBase):
    pass

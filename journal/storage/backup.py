from journal.storage.base import StoreBase


class BackupMixin(StoreBase):
    pass

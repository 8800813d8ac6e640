"""Before/after photos of one consultation: listed from metadata, loaded one at a time on demand.

The list comes from metadata only; a photo's bytes are read (an audited health
view) only when its thumbnail scrolls into sight or it is picked, one photo at a
time on the worker thread, where it is also decoded and scaled. "Add photo…"
keeps a picture in the database against the shown record, where every terminal of
the store sees it.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QSize, Qt, QTimer, Slot
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.errors import DomainError, StorageError
from frontdesk.models.consultation import PhotoKind
from frontdesk.services.health.photos import PhotoInfo
from frontdesk.services.registry import Services
from frontdesk.ui.clients.common import run_guarded
from frontdesk.ui.dates import local_date_text
from frontdesk.ui.errors import error_text
from frontdesk.ui.labels import photo_kind_name
from frontdesk.ui.widgets import enum_combo
from frontdesk.ui.worker import DbWorker

THUMB = 120
PREVIEW = 420
ID_ROLE = Qt.ItemDataRole.UserRole


def _decoded(data: bytes) -> tuple[QImage, QImage] | None:
    """(thumbnail, preview) images, scaled on the worker thread; None if Qt cannot read it."""
    image = QImage.fromData(data)
    if image.isNull():
        return None
    mode = Qt.TransformationMode.SmoothTransformation
    keep = Qt.AspectRatioMode.KeepAspectRatio
    return (image.scaled(THUMB, THUMB, keep, mode), image.scaled(PREVIEW, PREVIEW, keep, mode))


class PhotosPanel(QWidget):
    def __init__(self, services: Services, actor: Actor, worker: DbWorker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photosPanel")
        self._services = services
        self._actor = actor
        self._worker = worker
        self.record_id: int | None = None
        self._may_add = False
        self._generation = 0
        self._busy = False
        self.loaded: dict[int, QPixmap | None] = {}  # photo id → preview (None: unreadable)
        self._build()

    def _build(self) -> None:
        self.kind = enum_combo("photoKind", list(PhotoKind), photo_kind_name)
        self.add_button = QPushButton(self.tr("Add photo…"), objectName="addPhoto")
        self.add_button.clicked.connect(self._choose_file)
        self.photos = QListWidget(objectName="photoList")
        self.photos.setViewMode(QListView.ViewMode.IconMode)
        self.photos.setIconSize(QSize(THUMB, THUMB))
        self.photos.setResizeMode(QListView.ResizeMode.Adjust)
        self.photos.setMinimumHeight(THUMB + 50)
        self.photos.verticalScrollBar().valueChanged.connect(self._load_next)
        self.photos.currentItemChanged.connect(self._show_current)
        self.preview = QLabel(objectName="photoPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel(objectName="fieldError")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        title = self.tr("Photos")
        row.addWidget(QLabel(f"<b>{title}</b>"))
        row.addStretch(1)
        row.addWidget(self.kind)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.photos)
        layout.addWidget(self.preview)
        layout.addWidget(self.message)

    def show_record(self, record_id: int, may_add: bool) -> None:
        """List the record's photos (metadata only) and start loading the visible ones."""
        self.record_id = record_id
        self._may_add = may_add
        self._generation += 1
        self.loaded = {}
        self.photos.clear()
        self.preview.clear()
        self.message.clear()
        self.kind.setVisible(may_add)
        self.add_button.setVisible(may_add)
        infos = run_guarded(self, self.message,
                            lambda: self._services.photos.photo_list(self._actor, record_id))
        for info in infos or []:
            self.photos.addItem(self._item(info))
        QTimer.singleShot(0, self, self._load_next)  # once the list is laid out

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        QTimer.singleShot(0, self, self._load_next)

    def _item(self, info: PhotoInfo) -> QListWidgetItem:
        text = f"{photo_kind_name(info.kind)} · {local_date_text(info.added_at)}"
        item = QListWidgetItem(text)
        item.setData(ID_ROLE, info.id)
        item.setToolTip(self.tr("Loads when shown"))
        blank = QPixmap(THUMB, THUMB)
        blank.fill(Qt.GlobalColor.lightGray)
        item.setIcon(blank)
        return item

    def _next_wanted(self) -> QListWidgetItem | None:
        """The picked photo if not loaded yet, else the first visible one not loaded."""
        current = self.photos.currentItem()
        if current is not None and current.data(ID_ROLE) not in self.loaded:
            return current
        viewport = self.photos.viewport().rect()
        for row in range(self.photos.count()):
            item = self.photos.item(row)
            if item.data(ID_ROLE) not in self.loaded and \
                    self.photos.visualItemRect(item).intersects(viewport):
                return item
        return None

    @Slot()
    def _load_next(self) -> None:
        if self._busy:
            return
        item = self._next_wanted()
        if item is None:
            return
        self._busy = True
        photo_id, generation = int(item.data(ID_ROLE)), self._generation
        photos, actor = self._services.photos, self._actor
        self._worker.submit(lambda: _decoded(photos.photo_bytes(actor, photo_id).data),
                            partial(self._loaded, generation, photo_id),
                            partial(self._failed, generation, photo_id))

    def _loaded(self, generation: int, photo_id: int,
                images: tuple[QImage, QImage] | None) -> None:
        self._busy = False
        if generation != self._generation:
            self._load_next()
            return
        item = self._find(photo_id)
        self.loaded[photo_id] = QPixmap.fromImage(images[1]) if images else None
        if item is not None:
            if images:
                item.setIcon(QPixmap.fromImage(images[0]))
                item.setToolTip("")
            else:
                item.setToolTip(self.tr("This photo's format cannot be shown here."))
        self._show_current()
        self._load_next()

    def _failed(self, generation: int, photo_id: int, exc: BaseException) -> None:
        self._busy = False
        if generation == self._generation:
            self.loaded[photo_id] = None
            if isinstance(exc, DomainError):
                self.message.setText(error_text(exc))
            elif not isinstance(exc, StorageError):
                raise exc
        self._load_next()

    def _find(self, photo_id: int) -> QListWidgetItem | None:
        for row in range(self.photos.count()):
            if self.photos.item(row).data(ID_ROLE) == photo_id:
                return self.photos.item(row)
        return None

    @Slot()
    def _show_current(self) -> None:
        item = self.photos.currentItem()
        pixmap = self.loaded.get(int(item.data(ID_ROLE))) if item is not None else None
        if pixmap is None:
            self.preview.clear()
            self._load_next()
        else:
            self.preview.setPixmap(pixmap)

    @Slot()
    def _choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Add a photo"), "",
            self.tr("Photos (*.jpg *.jpeg *.png *.webp *.heic)"))
        if path:
            self.add_file(path)

    def add_file(self, path: str) -> bool:
        """Attach the photo at ``path`` to the shown record as the chosen kind."""
        if self.record_id is None:
            return False
        record_id, kind = self.record_id, self.kind.currentData()
        added = run_guarded(self, self.message, lambda: self._services.photos.attach(
            self._actor, record_id, path, kind))
        if added is not None:
            self.show_record(record_id, self._may_add)
        return added is not None

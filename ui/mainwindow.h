#pragma once

#include "fleet/fleetmodel.h"

#include <common/result.h>

#include <QFuture>
#include <QMainWindow>
#include <QSet>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QSplitter;
class QTableView;
class QTabWidget;
class QTreeView;
class QUndoGroup;
class QMenu;

namespace ap {
class LibvirtHost;
struct HostSnapshot;
} // namespace ap

namespace ap::ui {

class Fleet;
class HostSession;
class Inspector;
class MatrixModel;

/// The console's main window: the fleet tree on the left, the adapter x domain matrix in the
/// centre, the inspector on the right, kernel and audit logs below. Layout, splitters, column
/// widths and the last selection are restored on the next start.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(Fleet *fleet, QWidget *parent = nullptr);
    ~MainWindow() override;

    QTreeView *fleetView() const { return m_tree; }
    QTableView *matrixView() const { return m_matrix; }
    MatrixModel *matrixModel() const { return m_matrixModel; }
    FleetModel *fleetModel() const { return m_fleetModel; }

    /// Selects a node of the fleet tree (as a user click would).
    bool selectNode(const QString &hostUri, int kind, const QString &key);

    /// The keyboard and context-menu equivalents of a drag: assign (or unassign) what is selected
    /// in the matrix to (from) `uuid` of the current host. Refusals are explained, not applied.
    bool assignSelection(const QString &uuid, bool assign);
    /// Opens the apply dialog for the current host's pending changes; `autoStart` applies at once.
    void applyChanges(bool autoStart = false);
    QUndoGroup *undoGroup() const { return m_undoGroup; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void updatePendingState();
    void showDropVerdict(const QString &message, bool accepted);
    void matrixContextMenu(const QPoint &pos);
    void treeContextMenu(const QPoint &pos);
    void checkMigration();
    void showHistory();
    void migrateGuest();
    /// An SSH host whose key is not known: shows the fingerprint and asks whether to trust it.
    void askTrustHostKey(HostSession *s);
    void showMigrationRuns();
    void showFleetMap();
    void evacuateHost();
    /// The mdev the selection stands for (an mdev node, a guest with a vfio-ap device, or the
    /// matrix's mdev), with its host; empty when there is none.
    std::pair<HostSession *, QString> selectedMdev() const;
    void createMdev(HostSession *s);
    void removeMdev(HostSession *s, const QString &uuid);
    /// The guest using this mdev on the host, or empty.
    QString guestOfMdev(HostSession *s, const QString &mdev) const;
    /// Start, autostart and guest pause/resume: what libvirt offers on a host that has it.
    void addLibvirtActions(QMenu &menu, HostSession *s, LibvirtHost *lv, const HostSnapshot &snap, FleetModel::Kind kind, const QString &key);
    void runLibvirtAction(HostSession *s, QFuture<Status> future, const QString &what);
    void watchSession(HostSession *s);
    void onTreeSelection();
    void onMatrixSelection();
    void onHostChanged(HostSession *s);
    void showHostLogs(HostSession *s);
    void addHostDialog();
    void refreshCurrent();
    void resetDemo();
    void restoreLayout();
    void saveLayout() const;
    HostSession *currentSession() const;

    Fleet *m_fleet;
    FleetModel *m_fleetModel;
    MatrixModel *m_matrixModel;
    QTreeView *m_tree;
    QTableView *m_matrix;
    QLabel *m_matrixTitle;
    Inspector *m_inspector;
    QTabWidget *m_bottom;
    QPlainTextEdit *m_kernelLog;
    QTableView *m_auditView;
    QUndoGroup *m_undoGroup;
    QAction *m_applyAction = nullptr;
    QAction *m_discardAction = nullptr;
    QAction *m_assignAction = nullptr;
    QAction *m_unassignAction = nullptr;
    QAction *m_checkAction = nullptr;
    QAction *m_migrateAction = nullptr;
    QLabel *m_pendingLabel = nullptr;
    QSplitter *m_hsplit;
    QSplitter *m_vsplit;
    bool m_restoringSelection = false;
    QSet<HostSession *> m_askedHostKey;
    QString m_pendingSelection; ///< "uri|kind|key" restored once the host is read
};

} // namespace ap::ui

#pragma once

#include "fleet/fleetmodel.h"
#include "fleet/fleetnode.h"
#include "matrix/matrixview.h"

#include <common/result.h>

#include <QMainWindow>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QSplitter;
class QTabWidget;
class QTreeView;
class QUndoGroup;

namespace ap::ui {

class AuditLogModel;
class AuditLogView;
class Fleet;
class HostActions;
class HostSession;
class Inspector;
class MatrixModel;
class MatrixPanel;

/// The console's main window: the fleet tree on the left, the adapter x domain matrix in the
/// centre, the inspector on the right, kernel and audit logs below. Layout, splitters, column
/// widths and the last selection are restored on the next start.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(Fleet *fleet, QWidget *parent = nullptr);
    ~MainWindow() override;

    QTreeView *fleetView() const { return m_tree; }
    MatrixView *matrixView() const { return m_matrix; }
    MatrixPanel *matrixPanel() const { return m_matrixPanel; }
    MatrixModel *matrixModel() const { return m_matrixModel; }
    FleetModel *fleetModel() const { return m_fleetModel; }

    /// Selects a node of the fleet tree (as a user click would); false if it is not there (yet).
    bool selectNode(const FleetNode &node);

    /// The keyboard and context-menu equivalents of a drag: assign (or unassign) what is selected
    /// in the matrix to (from) `uuid` of the current host. Refusals are explained, not applied.
    bool assignSelection(const QString &uuid, bool assign);
    /// Opens the apply dialog (window-modal, returns at once) for the current host's pending changes.
    void applyChanges();
    QUndoGroup *undoGroup() const { return m_undoGroup; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void updatePendingState();
    /// Shows the selected node again from the preview (after an edit, undo, redo or read).
    void refreshInspector();
    void showDropVerdict(const QString &message, bool accepted);
    void matrixContextMenu(const QPoint &pos);
    void treeContextMenu(const QPoint &pos);
    void checkMigration();
    void showHistory();
    void migrateGuest();
    void showMigrationRuns();
    void showFleetMap();
    void evacuateHost();
    /// The mdev the selection stands for (an mdev node, a guest with a vfio-ap device, or the
    /// matrix's mdev), with its host; empty when there is none.
    std::pair<HostSession *, QString> selectedMdev() const;
    /// The guest using this mdev on the host, or empty.
    QString guestOfMdev(HostSession *s, const QString &mdev) const;
    /// Selects `node` now, or as soon as its host has been read.
    void selectSoon(const FleetNode &node);
    void watchSession(HostSession *s);
    void onTreeSelection();
    void onMatrixSelection();
    void onHostChanged(HostSession *s);
    void showHostLogs(HostSession *s);
    void refreshCurrent();
    void restoreLayout();
    void saveLayout() const;
    /// The selected node of the fleet tree; invalid when nothing is selected.
    FleetNode currentNode() const;
    HostSession *currentSession() const;

    Fleet *m_fleet;
    FleetModel *m_fleetModel;
    MatrixModel *m_matrixModel;
    QTreeView *m_tree;
    MatrixPanel *m_matrixPanel;
    MatrixView *m_matrix;
    Inspector *m_inspector;
    QTabWidget *m_bottom;
    QPlainTextEdit *m_kernelLog;
    AuditLogView *m_auditView;
    AuditLogModel *m_auditLog;
    HostActions *m_hostActions = nullptr;
    QUndoGroup *m_undoGroup;
    QAction *m_applyAction = nullptr;
    QAction *m_discardAction = nullptr;
    QAction *m_assignAction = nullptr;
    QAction *m_unassignAction = nullptr;
    QAction *m_checkAction = nullptr;
    QAction *m_migrateAction = nullptr;
    QLabel *m_pendingLabel = nullptr;
    /// Set once the operator chose to discard pending edits: the next close goes through.
    bool m_discardConfirmed = false;
    /// The open "discard pending changes?" question, so a second close does not ask twice.
    QPointer<QWidget> m_closeQuestion;
    QSplitter *m_hsplit;
    QSplitter *m_vsplit;
    bool m_restoringSelection = false;
    FleetNode m_pendingSelection; ///< selected once its host has been read
};

} // namespace ap::ui

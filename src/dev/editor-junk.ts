/**
 * Files editors and operating systems leave next to the ones being edited.
 * The watcher ignores them (a save must not look like several edits) and
 * the dev server does not serve them, as `build` does not copy them.
 */
export function isEditorJunk(name: string): boolean {
  return (
    name.startsWith('.#') || // Emacs lock file (a dangling symlink)
    name.startsWith('#') || // Emacs auto-save `#x.org#`
    name.endsWith('#') ||
    name.endsWith('~') || // Emacs/vim backups
    /\.sw[a-p]$/.test(name) || // vim swap files
    /^\d+$/.test(name) || // vim's write test `4913` (and its +123 successors)
    /___jb_(?:tmp|old)___$/.test(name) || // JetBrains safe write
    /^\.goutputstream-/.test(name) || // GNOME/gedit safe write
    name === '.DS_Store' ||
    name === 'Thumbs.db'
  );
}

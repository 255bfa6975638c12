// Reading a task file in the browser for import. Large files are not put into the textarea (rendering megabytes
// of text freezes the page); the UI shows the name and size and sends the text as it is.

/** Files above this size are sent as they are, without being shown in the editor. */
export const EDITOR_LIMIT_BYTES = 200 * 1024;

export interface LoadedImportFile {
  name: string;
  size: number;
  text: string;
  /** true when the text is small enough to show (and edit) in the textarea */
  showInEditor: boolean;
}

export interface ReadableFile {
  name: string;
  size: number;
  text(): Promise<string>;
}

export function shouldShowInEditor(sizeBytes: number, limit: number = EDITOR_LIMIT_BYTES): boolean {
  return sizeBytes <= limit;
}

export async function readImportFile(file: ReadableFile, limit: number = EDITOR_LIMIT_BYTES): Promise<LoadedImportFile> {
  const text = await file.text();
  return { name: file.name, size: file.size, text, showInEditor: shouldShowInEditor(file.size, limit) };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Opens a file a function made (an export) from its temporary address. H5: a new browser tab, where the browser
 * downloads or shows it. The weapp twin downloads it and opens it with WeChat's document viewer.
 */
export type DocumentType = 'xlsx' | 'json';

/** Whether this target can open that kind of file (WeChat's viewer reads office files and PDF, not JSON). */
export const canOpenDocument = (_type: DocumentType): boolean => true;

export async function openDocument(url: string, _type: DocumentType): Promise<void> {
  window.open(url, '_blank', 'noopener');
}

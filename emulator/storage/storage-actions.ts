import { EmulatorError, EmulatorErrorCode } from '../errors';
import { issueUploadMetadata, type CosSigner } from './cos-upload';
import type { FileStore } from './file-store';

/**
 * The storage actions functions use: `storage.getUploadMetadata` (the first half of uploadFile, see cos-upload.ts),
 * `storage.batchGetDownloadUrl` (getTempFileURL / getFileInfo) and `storage.batchDeleteFile`.
 */
export function handleStorageAction(action: string, body: Record<string, unknown>, files: FileStore, publicBase: string, signer: CosSigner): Record<string, unknown> {
  switch (action) {
    case 'storage.getUploadMetadata':
      return issueUploadMetadata(body, files, publicBase, signer);
    case 'storage.batchGetDownloadUrl': {
      const list = asArray(body.file_list, 'file_list') as { fileid?: unknown }[];
      return {
        data: {
          download_list: list.map((item) => {
            const fileID = String(item?.fileid ?? '');
            const cloudPath = files.pathOf(fileID);
            const exists = cloudPath !== null && files.get(cloudPath) !== null;
            return exists
              ? { fileID, tempFileURL: `${publicBase}/_storage/${cloudPath}`, code: 'SUCCESS' }
              : { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' };
          }),
        },
      };
    }
    case 'storage.batchDeleteFile': {
      const ids = asArray(body.fileid_list, 'fileid_list').map(String);
      return {
        data: {
          delete_list: ids.map((fileID) => {
            const cloudPath = files.pathOf(fileID);
            return { fileID, code: cloudPath !== null && files.remove(cloudPath) ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' };
          }),
        },
      };
    }
    default:
      throw new EmulatorError(EmulatorErrorCode.invalidAction, `storage action ${action} is not supported by the local emulator (supported: getUploadMetadata, batchGetDownloadUrl, batchDeleteFile)`);
  }
}

function asArray(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw new EmulatorError(EmulatorErrorCode.invalidParam, `${field} must be an array`);
  if (value.length > 50) throw new EmulatorError(EmulatorErrorCode.invalidParam, `${field} takes at most 50 files`);
  return value;
}

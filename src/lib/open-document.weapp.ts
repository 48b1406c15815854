import Taro from '@tarojs/taro';

/** weapp: download the file, then WeChat's document viewer (with its menu to forward or save it). */
export type DocumentType = 'xlsx' | 'json';

export const canOpenDocument = (type: DocumentType): boolean => type !== 'json';

export async function openDocument(url: string, type: DocumentType): Promise<void> {
  const { tempFilePath, statusCode } = await Taro.downloadFile({ url });
  if (statusCode !== 200) throw new Error(`下载失败（${statusCode}），请稍后重试`);
  await Taro.openDocument({ filePath: tempFilePath, fileType: type as 'xlsx', showMenu: true });
}

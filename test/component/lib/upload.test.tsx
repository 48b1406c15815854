import Taro from '@tarojs/taro';
import { chooseAndUploadImages } from '@/lib/upload';

/** Photos are picked with chooseMedia (images only, compressed) and one over the cap is refused before any upload. */
const chooseMedia = Taro.chooseMedia as unknown as jest.Mock;

afterEach(() => jest.restoreAllMocks());

it('asks chooseMedia for compressed images only', async () => {
  chooseMedia.mockRejectedValueOnce({ errMsg: 'chooseMedia:fail cancel' });
  await expect(chooseAndUploadImages({ count: 3 })).resolves.toEqual([]);
  expect(chooseMedia).toHaveBeenLastCalledWith(expect.objectContaining({ count: 3, mediaType: ['image'], sizeType: ['compressed'] }));
});

it('refuses a photo over 5 MB with a clear message and uploads nothing', async () => {
  const fetchSpy = jest.fn();
  global.fetch = fetchSpy as unknown as typeof fetch;
  chooseMedia.mockResolvedValueOnce({
    type: 'image',
    tempFiles: [
      { tempFilePath: 'blob:small', size: 200 * 1024, fileType: 'image' },
      { tempFilePath: 'blob:big', size: 5 * 1024 * 1024 + 1, fileType: 'image' },
    ],
  });
  await expect(chooseAndUploadImages({ count: 3 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: '照片不能超过 5 MB' });
  expect(fetchSpy).not.toHaveBeenCalled();
});

import { Image, Text, View } from '@tarojs/components';
import { PHOTO_MARK_LABELS, type PhotoMark } from '@/domain/media-check';
import './checked-photo.scss';

export interface CheckedPhotoProps {
  url: string;
  mark: PhotoMark | undefined;
  className: string;
  /** Said by screen readers: what the photo shows (心愿照片, 问政照片, 服务佐证照片). */
  alt: string;
  /** Tapping opens the photo large (previewImage). */
  onClick?: () => void;
}

/**
 * A photo, with 「审核中」 or 「未通过审核」 over it when the server sent it before WeChat's image check passed it
 * (only its owner and staff ever get such a photo; others get none until it passed). Shared by wishes, 问政 and
 * service logs, which all send `photoMarks` (URL → mark) beside their photos.
 */
export function CheckedPhoto({ url, mark, className, alt, onClick }: CheckedPhotoProps) {
  if (!mark) return <Image className={className} src={url} mode="aspectFill" nativeProps={{ alt }} onClick={onClick} />;
  return (
    <View className={`checked-photo ${className}`} onClick={onClick}>
      <Image className="checked-photo__image" src={url} mode="aspectFill" nativeProps={{ alt }} />
      <Text className={`checked-photo__mark checked-photo__mark--${mark} e2e-photo-mark`}>{PHOTO_MARK_LABELS[mark]}</Text>
    </View>
  );
}

import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { chooseAndUploadImages } from '@/lib/upload';
import { toCloudError } from '@/lib/cloud-error';
import { toastInfo } from '@/components/toast';
import './qa.scss';

/**
 * Up to `max` photos, uploaded as soon as they are picked; the form keeps their file ids. The server hands out
 * display URLs only with the saved question, so here each is a numbered chip; a tap removes it.
 */
export function PhotoField({ value, onChange, max, hook }: { value: string[]; onChange: (ids: string[]) => void; max: number; hook: string }) {
  const [uploading, setUploading] = useState(false);
  const add = async () => {
    if (uploading) return;
    setUploading(true);
    try {
      const ids = await chooseAndUploadImages({ count: max - value.length });
      onChange([...value, ...ids].slice(0, max));
    } catch (error) {
      toastInfo(toCloudError(error).message);
    } finally {
      setUploading(false);
    }
  };
  return (
    <View className={`photo-field e2e-${hook}`}>
      {value.map((id, i) => (
        <View key={id} className="photo-field__item" onClick={() => onChange(value.filter((v) => v !== id))}>
          <Text className="photo-field__label">{`照片 ${i + 1} ×`}</Text>
        </View>
      ))}
      {value.length < max && (
        <View className={`photo-field__add e2e-${hook}-add`} onClick={() => void add()}>
          <Text>{uploading ? '上传中…' : '+ 添加照片'}</Text>
        </View>
      )}
    </View>
  );
}

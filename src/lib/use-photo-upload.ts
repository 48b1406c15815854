import { useState } from 'react';
import { toastInfo } from '@/components/toast';
import { toCloudError } from './cloud-error';
import { chooseAndUploadImages } from './upload';

/** A photo list field's behaviour: pick and upload up to `max` photos (file ids), remove one, show progress. */
export function usePhotoUpload(value: string[], onChange: (ids: string[]) => void, max: number) {
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
  const remove = (id: string) => onChange(value.filter((v) => v !== id));
  return { uploading, add, remove, full: value.length >= max };
}

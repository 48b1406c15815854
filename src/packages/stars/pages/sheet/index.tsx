import { useRouter } from '@tarojs/taro';
import { PageRoot } from '@/components/page-root';
import { StarSheetEditor } from '@/features/stars/star-sheet-editor';
import { yearFrom } from '../year';

export default function StarSheetPage() {
  const { params } = useRouter();
  return (
    <PageRoot className="page-star-sheet">
      <StarSheetEditor orgId={decodeURIComponent(params.orgId ?? '')} year={yearFrom(params.year)} />
    </PageRoot>
  );
}

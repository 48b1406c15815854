import { useRouter } from '@tarojs/taro';
import { PageRoot } from '@/components/page-root';
import { OrgPage } from '@/features/org/org-page';
import { OrgStars } from '@/features/org/org-stars';
import { PublicProjectList } from '@/features/projects/project-lists';
import { StarEntry } from '@/features/stars/star-rating-views';

/** The page composes what each area shows about an organisation: its own content, then its projects and its 五星创评. */
export default function OrgPagePage() {
  const orgId = decodeURIComponent(useRouter().params.orgId ?? '');
  return (
    <PageRoot className="page-org">
      <OrgPage
        orgId={orgId}
        extra={
          <>
            <OrgStars orgId={orgId} />
            <PublicProjectList orgId={orgId} />
            <StarEntry orgId={orgId} />
          </>
        }
      />
    </PageRoot>
  );
}

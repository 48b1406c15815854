import { PageRoot } from '@/components/page-root';
import { UnitScope } from '@/features/ledger-views/scopes';
import { UnitMembers } from '@/features/ledger-views/unit-members';

export default function UnitMembersPage() {
  return (
    <PageRoot className="page-unit-members">
      <UnitScope>{(unit) => <UnitMembers unitId={unit.id} />}</UnitScope>
    </PageRoot>
  );
}

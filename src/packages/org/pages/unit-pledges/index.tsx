import { PageRoot } from '@/components/page-root';
import { UnitScope } from '@/features/ledger-views/scopes';
import { UnitPledges } from '@/features/org/unit-pledges';

export default function UnitPledgesPage() {
  return (
    <PageRoot className="page-unit-pledges">
      <UnitScope>{(unit) => <UnitPledges unitId={unit.id} />}</UnitScope>
    </PageRoot>
  );
}

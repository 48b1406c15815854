import { PageRoot } from '@/components/page-root';
import { UnitScope } from '@/features/ledger-views/scopes';
import { UnitActivities } from '@/features/ledger-views/unit-activities';

export default function UnitActivitiesPage() {
  return (
    <PageRoot className="page-unit-activities">
      <UnitScope>{(unit) => <UnitActivities unitId={unit.id} />}</UnitScope>
    </PageRoot>
  );
}

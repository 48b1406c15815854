import { userActions, type UnitView } from '../../../src/domain/user.schema';
import { defineAction } from '../../_shared/define-function';
import { listUnits as listUnitRecords } from '../../_shared/repositories/unit.repository';

export const listUnits = defineAction({
  schema: userActions.listUnits,
  access: 'public',
  async handler(): Promise<{ items: UnitView[] }> {
    return { items: (await listUnitRecords()).map((u) => ({ id: u._id, name: u.name })) };
  },
});

import { Switch } from '@nutui/nutui-react-taro';
import { ListCell, ListGroup } from '@/components/list-cell';
import { useCareMode } from '@/lib/care-mode';

/** 我的 › 关怀模式: larger text and buttons on every page, remembered on this phone. */
export function CareModeSwitch() {
  const [on, setOn] = useCareMode();
  return (
    <ListGroup title="显示">
      <ListCell
        className="e2e-care-mode"
        title="关怀模式（大字）"
        description={on ? '已开启：文字和按钮更大' : '开启后文字和按钮更大，方便长辈使用'}
        extra={<Switch className="e2e-care-mode-switch" ariaLabel="关怀模式" checked={on} onChange={(value: boolean) => setOn(value)} />}
      />
    </ListGroup>
  );
}

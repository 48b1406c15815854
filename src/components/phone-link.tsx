import { Text, View } from '@tarojs/components';
import { callPhone } from '@/lib/phone';
import './phone-link.scss';

/** A masked number (138****5678) is shown as text: only a number the viewer may see in full can be called. */
const dialable = (phone: string) => /^\+?[\d-]{5,20}$/.test(phone.trim());

/**
 * A phone number someone is allowed to see, as a ≥ 44 px control that calls it (`tel:` on H5, makePhoneCall on
 * weapp). Inside a tappable row the tap calls and does not open the row.
 */
export function PhoneLink({ phone, hook }: { phone: string; hook?: string }) {
  const label = `拨打电话 ${phone}`;
  if (!dialable(phone)) return <Text className={hook ? `e2e-${hook}` : undefined}>{phone}</Text>;
  return (
    <View
      className={`phone-link e2e-phone-link${hook ? ` e2e-${hook}` : ''}`}
      // ariaRole/ariaLabel are weapp's names; the H5 DOM reads role/aria-label.
      ariaRole="link"
      ariaLabel={label}
      {...{ role: 'link', 'aria-label': label }}
      onClick={(e) => {
        e.stopPropagation();
        callPhone(phone.trim());
      }}
    >
      <Text>{phone}</Text>
    </View>
  );
}

import Taro from '@tarojs/taro';
import { ListCell, ListGroup } from '@/components/list-cell';
import { urlOf } from '@/routes';

/** 我的 › 证明核验: for anyone holding a paper or forwarded certificate, signed in or not. */
export function VerifyEntry() {
  return (
    <ListGroup title="服务工具">
      <ListCell
        className="e2e-me-verify"
        title="证明核验"
        description="扫描证明上的二维码，或输入编号和验证码查验真伪"
        onClick={() => void Taro.navigateTo({ url: urlOf('certificateVerify') })}
      />
    </ListGroup>
  );
}

import Taro from '@tarojs/taro';
import { ListCell, ListGroup } from '@/components/list-cell';
import { urlOf } from '@/routes';

/** 我的 › 我的信息 and 隐私政策: what is stored about me, export, 注销; and the policy. */
export function PrivacyEntry({ signedIn }: { signedIn: boolean }) {
  return (
    <ListGroup title="个人信息与隐私">
      {signedIn && (
        <ListCell
          className="e2e-me-my-data"
          title="我的信息"
          description="查看、导出保存的关于我的全部信息，或注销账号"
          onClick={() => void Taro.navigateTo({ url: urlOf('myData') })}
        />
      )}
      <ListCell
        className="e2e-me-privacy-policy"
        title="隐私政策"
        description="收集哪些信息、为什么、保存多久、谁能看到"
        onClick={() => void Taro.navigateTo({ url: urlOf('privacyPolicy') })}
      />
    </ListGroup>
  );
}

/** The line under a form that collects personal information. */
export function PolicyNote() {
  return (
    <ListGroup>
      <ListCell
        className="e2e-policy-note"
        title="提交即表示您已阅读《隐私政策》"
        description="点此查看我们收集哪些信息、保存多久、谁能看到"
        onClick={() => void Taro.navigateTo({ url: urlOf('privacyPolicy') })}
      />
    </ListGroup>
  );
}

import { ApiType, decodeCommApiData, decodeCommOpenApiResp, encodeCommApiData, encodeCommOpenApiResp } from '../../../../emulator/wx/openapi-proto';

/** requestData bytes wx-server-sdk 4.0.2 sent for cloud.openapi.security.msgSecCheck({ openid: 'o1', scene: 2, version: 2, content: 'hi' }). */
const WX_SERVER_SDK_MSG_SEC_CHECK = Buffer.from(
  '0800123b0a0e0a066f70656e69641204226f31220a0a0a057363656e651201320a0c0a0776657273696f6e1201320a0f0a07636f6e74656e74120422686922',
  'hex',
);

describe('CommApiData', () => {
  it('decodes what wx-server-sdk sends: one pair per field, values as JSON text', () => {
    const data = decodeCommApiData(WX_SERVER_SDK_MSG_SEC_CHECK);
    expect(data.apiType).toBe(ApiType.OPEN_API);
    expect(data.appid).toBe('');
    expect(data.pairs.map((p) => [p.key, p.value.toString('utf8')])).toEqual([
      ['openid', '"o1"'],
      ['scene', '2'],
      ['version', '2'],
      ['content', '"hi"'],
    ]);
  });

  it('encodes the same bytes wx-server-sdk does', () => {
    const pairs = Object.entries({ openid: 'o1', scene: 2, version: 2, content: 'hi' }).map(([key, value]) => ({ key, value: Buffer.from(JSON.stringify(value)) }));
    expect(encodeCommApiData({ pairs })).toEqual(WX_SERVER_SDK_MSG_SEC_CHECK);
  });

  it('keeps media pairs and the appid', () => {
    const image = Buffer.from([1, 2, 3]);
    const data = decodeCommApiData(encodeCommApiData({ pairs: [{ key: 'media', value: image, contenttype: 'image/png', filename: 'media.png' }], appid: 'wx-other' }));
    expect(data).toMatchObject({ appid: 'wx-other', pairs: [{ key: 'media', value: image, contenttype: 'image/png', filename: 'media.png' }] });
  });
});

describe('CommOpenApiResp', () => {
  it('round-trips a body with its content type, and a gateway error code', () => {
    const body = Buffer.from('{"errcode":0}');
    expect(decodeCommOpenApiResp(encodeCommOpenApiResp({ respData: body, contentType: 'application/json', httpCode: 200 }))).toEqual({
      respData: body,
      contentType: 'application/json',
      errorCode: 0,
      httpCode: 200,
    });
    expect(decodeCommOpenApiResp(encodeCommOpenApiResp({ errorCode: -604100 })).errorCode).toBe(-604100);
  });
});

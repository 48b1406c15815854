/** Who is calling a WeChat open API, as the server learned it from the function host. */
export interface WxContext {
  /** OPENID of the mini-program user behind the invocation, when there is one. */
  openid?: string;
  /** APPID of the mini program the call is made for. */
  appid: string;
  now: () => Date;
  /**
   * The function making the call, from the cloud-call token it sent (cloud-call-token.ts), and the open APIs its
   * deployed config.json declares. Undefined when the request carried no valid token: not a function.
   */
  cloudCall?: { functionName: string; openApis: readonly string[] };
}

/**
 * What one WeChat API answers. WeChat itself answers HTTP 200 either with JSON (`errcode`, `errmsg`, …),
 * also for its own errors, or with raw bytes (wxacode images). The transports (wx.api, wx.openApi) wrap this.
 */
export type WxApiAnswer =
  | { kind: 'json'; body: Record<string, unknown> }
  | { kind: 'binary'; contentType: string; body: Buffer };

/** The request as WeChat's HTTPS API takes it: snake_case JSON fields (media fields as Buffers). */
export type WxApiRequest = Record<string, unknown>;

export type WxApiHandler = (request: WxApiRequest, ctx: WxContext) => WxApiAnswer | Promise<WxApiAnswer>;

// Domain time rules are in the users' zone; the SDK must not probe the cloud metadata host.
process.env.TZ = 'Asia/Shanghai';
process.env.TENCENTCLOUD = 'true';

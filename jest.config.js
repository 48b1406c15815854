/** Projects: unit (pure, fast), integration (real SDK → emulator, functions through the host), e2e (Chromium on the H5 build), weapp, component (screens in jsdom). */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2021' } }];
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
  setupFiles: ['<rootDir>/test/setup-env.ts'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts?(x)'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'], globalSetup: '<rootDir>/test/global-setup.ts' },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.spec.ts'], globalSetup: '<rootDir>/test/global-setup.ts' },
    { ...common, displayName: 'weapp', testMatch: ['<rootDir>/test/weapp/**/*.test.ts'] },
    // Screens in jsdom: Taro, its components and NutUI are DOM stand-ins (test/component/stand-ins), the rest is the app's code.
    {
      ...common,
      displayName: 'component',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/component/**/*.test.tsx'],
      moduleNameMapper: {
        '^@tarojs/taro$': '<rootDir>/test/component/stand-ins/taro.ts',
        '^@tarojs/components$': '<rootDir>/test/component/stand-ins/taro-components.tsx',
        '^@nutui/nutui-react-taro$': '<rootDir>/test/component/stand-ins/nutui.tsx',
        '\\.(css|scss|sass)$': '<rootDir>/test/component/stand-ins/style.js',
        ...common.moduleNameMapper,
      },
      setupFiles: [...common.setupFiles, '<rootDir>/test/component/setup.ts'],
    },
  ],
};

// Cockpit of UBND tỉnh Sơn La (Camunda webapp configuration).
export default {
  app: {
    name: 'Theo dõi quy trình',
    vendor: 'UBND tỉnh Sơn La'
  },
  locales: {
    availableLocales: ['vi', 'en'],
    fallbackLocale: 'vi'
  },
  customScripts: ['../tdkt/webapp'],
  disableWelcomeMessage: true
};

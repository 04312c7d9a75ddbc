// Admin of UBND tỉnh Sơn La (Camunda webapp configuration).
export default {
  app: {
    name: 'Quản trị người dùng',
    vendor: 'UBND tỉnh Sơn La'
  },
  locales: {
    availableLocales: ['vi', 'en'],
    fallbackLocale: 'vi'
  },
  // dates as written in Vietnam: day/month/year, 24-hour clock (moment.js formats)
  dateFormat: {
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd, DD/MM/YYYY HH:mm',
    short: 'DD/MM/YYYY',
    abbr: 'DD/MM/YYYY HH:mm'
  },
  customScripts: ['../tdkt/webapp'],
  disableWelcomeMessage: true
};

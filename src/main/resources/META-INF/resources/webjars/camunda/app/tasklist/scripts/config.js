// Tasklist of UBND tỉnh Sơn La (Camunda webapp configuration, replaces the starter's default).
export default {
  app: {
    name: 'Việc cần xử lý',
    vendor: 'UBND tỉnh Sơn La'
  },
  // Vietnamese unless the browser's first language is English; an administrator may change the
  // fallback (the locale of every other browser) here
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
  disableWelcomeMessage: true,
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: 'nhận xử lý công việc đang chọn' },
    focusFilter: { key: 'ctrl+shift+f', description: 'chuyển đến bộ lọc đầu tiên' },
    focusList: { key: 'ctrl+alt+l', description: 'chuyển đến công việc đầu tiên trong danh sách' },
    focusForm: { key: 'ctrl+alt+f', description: 'chuyển đến ô nhập đầu tiên của biểu mẫu' },
    startProcess: { key: 'ctrl+alt+p', description: 'mở hộp thoại bắt đầu quy trình' }
  }
};

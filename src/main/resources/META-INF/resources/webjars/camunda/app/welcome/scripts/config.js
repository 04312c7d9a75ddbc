// Welcome page of UBND tỉnh Sơn La (Camunda webapp configuration): the project's pages beside the webapps.
export default {
  app: {
    name: 'Thi đua, Khen thưởng',
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
  disableWelcomeMessage: true,
  links: [
    { label: 'Hồ sơ đề nghị khen thưởng', href: '/dossiers/index.html', description: 'Lập, nộp, bổ sung và theo dõi hồ sơ của đơn vị' },
    { label: 'Thông báo', href: '/notifications/index.html', description: 'Hồ sơ cần bổ sung, sắp hết hạn, quyết định khen thưởng' },
    { label: 'Kế hoạch thi đua, khen thưởng', href: '/plans/index.html', description: 'Tiến độ thực hiện kế hoạch năm' },
    { label: 'Báo cáo', href: '/reports/index.html', description: 'Số liệu hồ sơ, khen thưởng, thời gian xử lý' },
    { label: 'Công khai hồ sơ', href: '/public/notices.html', description: 'Danh sách hồ sơ đang lấy ý kiến nhân dân' }
  ]
};

-- Consultation before the council (issue 16, item 6): dossiers for orders and State honours are published for
-- opinions (tdkt.deadlines.consultation-working-days, default 10 working days) before the council considers them.
-- consultation_required marks such awards in the catalogue; consultation_basis is the source of the mark.
-- The DMN council-consultation decides from the award type and this mark.
ALTER TABLE award_type ADD COLUMN consultation_required BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE award_type ADD COLUMN consultation_basis VARCHAR(600);

UPDATE award_type SET consultation_required = TRUE,
  consultation_basis = 'Nghị định 98/2023/NĐ-CP, Điều 46 khoản 2 (hồ sơ đề nghị tặng huân chương, danh hiệu vinh dự Nhà nước được đăng tải lấy ý kiến 10 ngày làm việc trước khi Hội đồng xét — theo bản tóm tắt; một thông báo lấy ý kiến của Bộ Nội vụ năm 2025 (nguồn thứ cấp) viện dẫn khoản 1 Điều 46 Nghị định 98/2023/NĐ-CP và khoản 3 Điều 60 Nghị định 152/2025/NĐ-CP — cần xác nhận điều khoản hiện hành)'
 WHERE code = 'HCLD_3';

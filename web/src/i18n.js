// The one message catalogue of the web UI: every string a user reads, Vietnamese first and
// English beside it, plus the formatters that print numbers, dates and periods the way the
// users' own documents do ("1.234,5", "14/07/2020", "Quý II/2021").
//
// t('key', {n: 3}) looks a message up in the current language and fills {name} slots.

const M = {
  app_name: ['Triển khai nghị quyết', 'Resolution roll-out'],
  loading: ['Đang tải…', 'Loading…'],
  saving: ['Đang lưu…', 'Saving…'],
  saved: ['Đã lưu', 'Saved'],
  error_network: ['Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.', 'Cannot reach the server. Check the network and try again.'],
  error_generic: ['Có lỗi xảy ra ({code}).', 'Something went wrong ({code}).'],
  error_not_found: ['Không tìm thấy dữ liệu này, hoặc bạn không có quyền xem.', 'Not found, or outside your reach.'],
  retry: ['Thử lại', 'Retry'],
  none: ['—', '—'],
  yes: ['Có', 'Yes'],
  no: ['Không', 'No'],
  save: ['Lưu', 'Save'],
  cancel: ['Hủy', 'Cancel'],
  edit: ['Sửa', 'Edit'],
  delete: ['Xóa', 'Delete'],
  add: ['Thêm', 'Add'],
  close: ['Đóng', 'Close'],
  confirm_delete: ['Xóa mục này? Thao tác được ghi vào nhật ký.', 'Delete this? The change is logged.'],
  lang_switch: ['English', 'Tiếng Việt'],
  lang_switch_label: ['Chuyển sang tiếng Anh', 'Switch to Vietnamese'],
  skip_to_content: ['Chuyển đến nội dung chính', 'Skip to main content'],

  // sign-in
  signin_title: ['Đăng nhập', 'Sign in'],
  signin_lead: ['Hệ thống theo dõi việc triển khai nghị quyết đại hội', 'Following a congress resolution into work'],
  username: ['Tên đăng nhập', 'Username'],
  password: ['Mật khẩu', 'Password'],
  signin_button: ['Đăng nhập', 'Sign in'],
  signout: ['Đăng xuất', 'Sign out'],
  signin_failed: ['Tên đăng nhập hoặc mật khẩu không đúng.', 'Wrong username or password.'],
  signed_in_as: ['Đăng nhập: {name}', 'Signed in: {name}'],

  // shell
  nav_label: ['Hệ thống tổ chức', 'Organisations'],
  org_filter: ['Lọc tổ chức', 'Filter organisations'],
  org_filter_placeholder: ['Gõ tên, ví dụ: mong cai', 'Type a name, e.g. mong cai'],
  org_filter_none: ['Không có tổ chức nào khớp.', 'No organisation matches.'],
  expand: ['Mở', 'Expand'],
  tree_keys: ['phím → mở, ← thu gọn', '→ expands, ← collapses'],
  collapse: ['Thu gọn', 'Collapse'],
  term: ['Nhiệm kỳ', 'Term'],
  term_label: ['Nhiệm kỳ {from}–{to}', 'Term {from}–{to}'],
  term_none: ['Chưa có nhiệm kỳ', 'No term yet'],
  search: ['Tìm kiếm', 'Search'],
  search_placeholder: ['Tìm tổ chức, nội dung, nhiệm vụ, cán bộ…', 'Find orgs, items, tasks, people…'],
  search_none: ['Không có kết quả cho “{q}”.', 'Nothing found for “{q}”.'],
  search_results: ['Kết quả tìm kiếm', 'Search results'],
  ht_org: ['Tổ chức', 'Organisation'],
  ht_item: ['Nội dung NQ', 'Resolution item'],
  ht_task: ['Nhiệm vụ', 'Task'],
  ht_person: ['Cán bộ', 'Person'],
  ht_document: ['Văn bản', 'Document'],
  ht_program: ['Chương trình', 'Program'],
  search_hint: ['Gõ ít nhất 2 ký tự; không cần dấu.', 'Type at least 2 characters; accents optional.'],
  pick_org: ['Chọn một tổ chức ở cây bên trái.', 'Pick an organisation in the tree.'],
  menu: ['Danh mục', 'Menu'],

  // views (tabs)
  v_overview: ['Tổng quan', 'Overview'],
  v_resolution: ['Nghị quyết', 'Resolution'],
  v_program: ['Chương trình hành động', 'Action program'],
  v_coverage: ['Bao quát', 'Coverage'],
  v_cascade: ['Cấp dưới', 'Cascade'],
  v_inbox: ['Việc được giao', 'Inbox'],
  v_meetings: ['Hội nghị', 'Meetings'],
  v_inspections: ['Kiểm tra', 'Inspections'],
  v_assignments: ['Phân công', 'Assignments'],
  v_dissemination: ['Quán triệt', 'Dissemination'],
  v_indicators: ['Chỉ tiêu', 'Indicators'],
  views_label: ['Các màn hình của tổ chức', 'Views of the organisation'],

  // kinds
  kind_central: ['Trung ương', 'Central'],
  kind_province: ['Cấp tỉnh', 'Province level'],
  kind_district: ['Cấp huyện và tương đương', 'District level'],
  kind_grassroots: ['Cơ sở', 'Grassroots'],
  kind_cell: ['Chi bộ', 'Cell'],
  kind_body: ['Cơ quan tham mưu', 'Advisory body'],
  kinds_district: ['đảng bộ', 'committees'],
  kinds_sub: ['đơn vị trực thuộc', 'subordinate units'],

  // statuses
  st_not_started: ['Chưa thực hiện', 'Not started'],
  st_in_progress: ['Đang thực hiện', 'In progress'],
  st_done: ['Hoàn thành', 'Done'],
  st_cancelled: ['Dừng thực hiện', 'Cancelled'],
  st_overdue: ['Quá hạn', 'Overdue'],
  st_draft: ['Dự thảo', 'Draft'],
  st_adopted: ['Đã ban hành', 'Adopted'],
  st_missing: ['Chưa có', 'Missing'],
  st_planned: ['Kế hoạch', 'Planned'],
  st_held: ['Đã tổ chức', 'Held'],
  st_submitted: ['Đã gửi', 'Submitted'],
  st_approved: ['Đã duyệt', 'Approved'],

  // overview
  ov_tasks: ['Nhiệm vụ', 'Tasks'],
  ov_tasks_total: ['Tổng số nhiệm vụ', 'Tasks in all'],
  ov_progress: ['Tiến độ bình quân', 'Mean progress'],
  ov_overdue: ['Quá hạn', 'Overdue'],
  ov_programs: ['Chương trình, kế hoạch đã ban hành', 'Programs adopted'],
  ov_dissemination: ['Tỷ lệ tham gia quán triệt', 'Dissemination attendance'],
  ov_orgs: ['Tổ chức trong hệ thống', 'Orgs in the subtree'],
  ov_by: ['Tính theo', 'Counted by'],
  ov_by_program: ['chương trình của cấp này và cấp dưới', 'programs of this subtree'],
  ov_by_lead: ['nhiệm vụ do cấp này và cấp dưới chủ trì', 'tasks led within this subtree'],
  ov_status_chart: ['Nhiệm vụ theo trạng thái', 'Tasks by status'],
  ov_subordinates: ['Cấp dưới', 'Subordinates'],
  ov_congress_held: ['{n}/{m} {what} đã hoàn thành đại hội', '{n}/{m} {what} have held their congress'],
  ov_program_adopted: ['{n}/{m} {what} đã ban hành chương trình hành động', '{n}/{m} {what} have adopted their action program'],
  ov_reported: ['{n}/{m} {what} đã cập nhật tiến độ {period}', '{n}/{m} {what} reported progress in {period}'],
  ov_no_subordinates: ['Không có đơn vị cấp dưới.', 'No subordinate units.'],
  ov_overdue_tasks: ['Nhiệm vụ quá hạn', 'Overdue tasks'],
  ov_overdue_none: ['Không có nhiệm vụ quá hạn.', 'No overdue task.'],
  ov_days_late: ['trễ {n} ngày', '{n} days late'],
  ov_indicators: ['Chỉ tiêu so với mục tiêu', 'Indicators against target'],
  ov_indicators_none: ['Nghị quyết chưa có chỉ tiêu định lượng.', 'The resolution has no numeric indicator.'],
  ov_no_resolution: ['Chưa có nghị quyết cho nhiệm kỳ này.', 'No resolution for this term yet.'],
  ov_resolution_of: ['Thực hiện {title}', 'Implementing {title}'],
  ov_at_risk: ['Có nguy cơ không đạt', 'At risk'],
  ov_on_track: ['Đúng hướng', 'On track'],
  ov_projected: ['theo xu hướng, đến {year} đạt {value} / mục tiêu {target} {unit}', 'on the trend, {value} by {year} against a target of {target} {unit}'],
  ov_projected_short: ['Dự báo cuối nhiệm kỳ: {value}', 'Projected at the end of the term: {value}'],
  ov_reported_col: ['Số đơn vị đã báo cáo {period}', 'Orgs that reported for {period}'],
  ov_reported_n: ['{n}/{m} đã báo cáo {period}', '{n}/{m} reported {period}'],
  ov_not_reported: ['Chưa báo cáo kỳ này ({period})', 'Not reported this period ({period})'],
  ov_not_reported_line: ['Chưa báo cáo chỉ tiêu kỳ này ({period})', 'Indicators not reported this period ({period})'],
  ov_all_reported: ['Mọi đơn vị đã báo cáo chỉ tiêu {period}.', 'Every org has reported for {period}.'],
  ov_period_open: ['Kỳ báo cáo chưa kết thúc.', 'The period is still open.'],
  ov_n_indicators: ['{n} chỉ tiêu', '{n} indicators'],
  ov_no_data: ['Chưa có số liệu', 'No data yet'],
  ov_latest: ['Mới nhất', 'Latest'],
  ov_chart_of: ['Diễn biến: {name}', 'Trend: {name}'],
  ov_actual: ['Thực hiện', 'Actual'],
  ov_target: ['Mục tiêu', 'Target'],
  ov_baseline: ['Đầu kỳ', 'Baseline'],
  ov_timeliness: ['Khẩn trương', 'Timeliness'],
  ov_median_days: ['trung vị {n} ngày sau đại hội thì ban hành chương trình', 'programs adopted a median {n} days after the congress'],
  ov_not_adopted: ['Chưa ban hành chương trình', 'Program not adopted yet'],
  ov_days_after: ['{n} ngày sau đại hội', '{n} days after the congress'],

  // resolution
  res_congress: ['Đại hội đại biểu lần thứ {roman}', 'Congress no. {roman}'],
  res_congress_of: ['Đại hội đại biểu {org} lần thứ {roman}, nhiệm kỳ {from}–{to}', 'Congress no. {roman} of {org}, term {from}–{to}'],
  res_held: ['Tổ chức {dates}', 'Held {dates}'],
  res_pilot: ['Đại hội điểm', 'Pilot congress'],
  res_no_congress: ['Chưa có thông tin đại hội.', 'No congress recorded.'],
  res_symbol: ['Số, ký hiệu', 'Number'],
  res_issued: ['Ngày ban hành', 'Issued on'],
  res_items: ['Nội dung nghị quyết', 'Contents of the resolution'],
  res_days_after: ['ban hành sau {n} ngày kể từ khi bế mạc đại hội', 'issued {n} days after the congress closed'],
  res_days_after_0: ['ban hành ngay ngày bế mạc đại hội', 'issued the day the congress closed'],
  res_items_count: ['{n} nội dung', '{n} items'],
  res_parent_note: ['Tổ chức này thực hiện nghị quyết của {org}.', 'This org implements the resolution of {org}.'],
  res_add_item: ['Thêm nội dung', 'Add item'],
  res_add_child: ['Thêm nội dung con', 'Add sub-item'],
  res_new_item: ['Nội dung mới', 'New item'],
  item_kind: ['Loại', 'Kind'],
  item_code: ['Mục', 'Code'],
  item_text: ['Nội dung', 'Text'],
  item_field: ['Lĩnh vực', 'Field'],
  item_unit: ['Đơn vị tính', 'Unit'],
  item_direction: ['Chiều tốt', 'Better when'],
  item_baseline: ['Đầu kỳ', 'Baseline'],
  item_baseline_year: ['Năm đầu kỳ', 'Baseline year'],
  item_target: ['Mục tiêu', 'Target'],
  item_rollup: ['Cách tổng hợp', 'Roll-up rule'],
  item_waived: ['Miễn trừ: {reason}', 'Waived: {reason}'],
  ik_goal: ['Mục tiêu', 'Goal'],
  ik_indicator: ['Chỉ tiêu', 'Indicator'],
  ik_key_task: ['Nhiệm vụ trọng tâm', 'Key task'],
  ik_breakthrough: ['Đột phá', 'Breakthrough'],
  ik_solution: ['Giải pháp', 'Solution'],
  dir_higher: ['càng cao càng tốt', 'higher'],
  dir_lower: ['càng thấp càng tốt', 'lower'],
  dir_exact: ['đạt đúng mục tiêu', 'exact'],
  ru_sum: ['cộng', 'sum'],
  ru_mean: ['bình quân', 'mean'],
  ru_weighted_mean: ['bình quân gia quyền', 'weighted mean'],
  ru_min: ['nhỏ nhất', 'min'],
  ru_max: ['lớn nhất', 'max'],
  ru_count_meeting: ['số đơn vị đạt ngưỡng', 'count meeting threshold'],
  ru_none: ['không tổng hợp', 'not aggregable'],

  // program
  pg_pick: ['Chương trình', 'Program'],
  pg_none: ['Tổ chức này chưa có chương trình hành động cho nhiệm kỳ.', 'No action program for this term yet.'],
  pg_create: ['Lập chương trình hành động', 'Create the action program'],
  pg_title_default: ['Chương trình hành động thực hiện {title}', 'Action program implementing {title}'],
  pg_adopted_on: ['ban hành {date}', 'adopted {date}'],
  pg_adopt: ['Ban hành', 'Adopt'],
  pg_col_no: ['TT', 'No.'],
  pg_col_title: ['Nội dung nhiệm vụ', 'Task'],
  pg_col_lead: ['Cơ quan chủ trì', 'Lead'],
  pg_col_coord: ['Cơ quan phối hợp', 'Coordinating'],
  pg_col_time: ['Thời gian thực hiện', 'Time frame'],
  pg_col_output: ['Sản phẩm', 'Output'],
  pg_col_covers: ['Nội dung NQ', 'Resolution items'],
  pg_col_actions: ['Thao tác', 'Actions'],
  pg_new_row: ['Dòng mới', 'New row'],
  pg_add_row: ['Thêm nhiệm vụ', 'Add task'],
  pg_add_sub: ['Thêm nhiệm vụ con', 'Add sub-task'],
  pg_move_up: ['Chuyển lên', 'Move up'],
  pg_move_down: ['Chuyển xuống', 'Move down'],
  pg_keyboard_hint: ['Tab chuyển ô, Enter lưu dòng, Esc hủy. Dán các dòng chép từ Excel (cách nhau bằng Tab) vào ô bất kỳ của dòng mới.', 'Tab moves between cells, Enter saves the row, Esc cancels. Paste rows copied from a spreadsheet into any cell of the new row.'],
  pg_paste_preview: ['{n} dòng dán từ bảng tính', '{n} rows pasted from a spreadsheet'],
  pg_paste_save: ['Lưu {n} dòng', 'Save {n} rows'],
  pg_paste_discard: ['Bỏ', 'Discard'],
  pg_paste_unknown_org: ['Không rõ cơ quan “{name}”', 'Unknown organisation “{name}”'],
  pg_paste_unknown_period: ['Không hiểu thời gian “{text}”', 'Cannot read the time frame “{text}”'],
  pg_paste_unknown_item: ['Không có nội dung NQ “{code}”', 'No resolution item “{code}”'],
  pg_suggest: ['Gợi ý nội dung NQ', 'Suggested items'],
  pg_suggest_add: ['Thêm {code} vào nội dung NQ', 'Add {code} to covered items'],
  pg_pick_items: ['Chọn nội dung NQ', 'Choose resolution items'],
  pg_items_filter: ['Lọc nội dung', 'Filter items'],
  pg_flag_lead: ['thiếu cơ quan chủ trì', 'no lead'],
  pg_flag_time: ['thiếu thời gian', 'no time frame'],
  pg_flag_output: ['thiếu sản phẩm', 'no output'],
  pg_flags: ['{n} nhiệm vụ chưa rõ thời gian thực hiện hoặc sản phẩm', '{n} tasks lack a time frame or an output'],
  pg_flags_go: ['Đến nhiệm vụ đầu tiên còn thiếu', 'Go to the first such task'],
  pg_time_hint: ['Ví dụ: Quý II/2021, 2021, 6 tháng đầu năm 2021, 30/06/2021, cả nhiệm kỳ', 'E.g. Quý II/2021, 2021, H1 2021, 30/06/2021, term'],
  pg_org_hint: ['Gõ tên cơ quan; nhiều cơ quan cách nhau bằng dấu ;', 'Type org names, separated by ;'],
  pg_tasks_count: ['{n} nhiệm vụ', '{n} tasks'],
  pg_coverage_ratio: ['Bao quát {p} nội dung nghị quyết', 'Covers {p} of the resolution'],
  pg_more_orgs: ['và {n} đơn vị khác', 'and {n} more'],
  pg_status: ['Trạng thái', 'Status'],
  pg_progress: ['Tiến độ', 'Progress'],

  // coverage
  cv_title: ['Ma trận bao quát nội dung nghị quyết', 'Coverage matrix'],
  cv_summary: ['{covered}/{counted} nội dung đã có nhiệm vụ hoặc được miễn trừ ({ratio})', '{covered}/{counted} items covered or waived ({ratio})'],
  cv_uncovered: ['{n} nội dung chưa có nhiệm vụ', '{n} items without a task'],
  cv_item: ['Nội dung nghị quyết', 'Resolution item'],
  cv_all: ['Tất cả chương trình', 'All programs'],
  cv_tasks: ['Nhiệm vụ', 'Tasks'],
  cv_waive: ['Miễn trừ', 'Waive'],
  cv_waive_reason: ['Lý do miễn trừ', 'Reason for the waiver'],
  cv_waived: ['Đã miễn trừ', 'Waived'],
  cv_not_covered: ['Chưa có nhiệm vụ', 'Not covered'],
  cv_covered_by_children: ['Bao quát qua các nội dung con', 'Covered through its sub-items'],
  cv_only_uncovered: ['Chỉ hiện nội dung chưa bao quát', 'Show only uncovered items'],
  cv_jump: ['Chưa bao quát', 'Not covered'],
  cv_program_col: ['Chương trình', 'Program'],
  cv_unwaive: ['Bỏ miễn trừ', 'Remove waiver'],
  cv_unwaived: ['Đã bỏ miễn trừ {code}.', 'Waiver of {code} removed.'],
  cv_set_col: ['Đã chọn ({k})', 'Chosen ({k})'],
  cv_set_summary: ['Theo {k} chương trình đã chọn', 'By the {k} chosen programs'],
  cv_set_ratio: ['{covered}/{counted} nội dung ({ratio})', '{covered}/{counted} items ({ratio})'],
  cv_set_hint: ['đánh dấu ô ở đầu mỗi cột chương trình để chọn', 'tick the box atop a program column to choose it'],
  cv_set_pick: ['Tính {org}: {title}', 'Count {org}: {title}'],

  // cascade
  cs_title: ['Cấp dưới xây dựng chương trình, kế hoạch thực hiện', 'Subordinates’ programs'],
  cs_org: ['Tổ chức', 'Organisation'],
  cs_congress: ['Đại hội', 'Congress'],
  cs_program: ['Chương trình, kế hoạch', 'Program'],
  cs_status: ['Trạng thái', 'Status'],
  cs_adopted_on: ['Ngày ban hành', 'Adopted on'],
  cs_days: ['Số ngày sau đại hội', 'Days after congress'],
  cs_without_plan: ['Nhiệm vụ được giao chưa có kế hoạch', 'Assigned tasks without a plan'],
  cs_none: ['Không có đơn vị cấp dưới.', 'No subordinate unit.'],
  cs_tasks_of: ['Nhiệm vụ {org} chủ trì trong chương trình của cấp trên', 'Tasks {org} leads in the parent program'],
  cs_child_plans: ['Kế hoạch cấp dưới', 'Child plans'],
  cs_no_child_plan: ['Chưa có kế hoạch', 'No plan yet'],
  cs_show_tasks: ['Xem nhiệm vụ được giao', 'Show assigned tasks'],
  cs_without_plan_list: ['{n} nhiệm vụ được giao chưa có kế hoạch thực hiện', '{n} assigned tasks without a plan'],

  // inbox
  ib_title: ['Nhiệm vụ {org} chủ trì hoặc phối hợp', 'Tasks {org} leads or coordinates'],
  ib_all: ['Tất cả', 'All'],
  ib_lead: ['Chủ trì', 'Lead'],
  ib_coord: ['Phối hợp', 'Coordinating'],
  ib_open: ['Chưa xong', 'Open'],
  ib_overdue: ['Quá hạn', 'Overdue'],
  ib_filter: ['Lọc', 'Filter'],
  ib_none: ['Không có nhiệm vụ.', 'No task.'],
  ib_from: ['Giao bởi', 'From'],
  ib_due: ['Hạn', 'Due'],
  ib_update: ['Cập nhật tiến độ', 'Update progress'],
  ib_send: ['Gửi cập nhật', 'Send update'],
  ib_note: ['Kết quả thực hiện', 'What was done'],
  ib_evidence: ['Văn bản, minh chứng', 'Evidence'],
  ib_evidence_hint: ['Số, ký hiệu văn bản hoặc tên tệp', 'Document number or file name'],
  ib_history: ['Các lần cập nhật', 'Updates'],
  ib_no_history: ['Chưa có cập nhật.', 'No update yet.'],
  ib_sent: ['Đã gửi cập nhật.', 'Update sent.'],
  ib_count: ['{n} nhiệm vụ', '{n} tasks'],
  ib_role: ['Vai trò', 'Role'],
  ib_file: ['Tệp minh chứng', 'Evidence files'],
  ib_file_hint: ['PDF, ảnh PNG/JPEG, Word, Excel, PowerPoint hoặc văn bản; mỗi tệp tối đa 10 MB', 'PDF, PNG/JPEG, Word, Excel, PowerPoint or text; up to 10 MB each'],
  ib_file_choose: ['Chọn tệp…', 'Choose files…'],
  ib_file_none: ['Chưa chọn tệp nào', 'No file chosen'],
  ib_file_clear: ['Bỏ chọn', 'Clear'],
  ib_file_too_big: ['Tệp “{name}” lớn hơn 10 MB.', 'The file “{name}” is over 10 MB.'],
  ib_file_empty: ['Tệp “{name}” rỗng.', 'The file “{name}” is empty.'],
  ib_uploading: ['Đang tải tệp lên ({i}/{n})…', 'Uploading ({i}/{n})…'],
  ib_files: ['Tệp đính kèm', 'Attached files'],
  ib_download: ['Tải tệp về', 'Download'],

  // meetings
  mt_title: ['Chương trình làm việc toàn khóa', 'Full-term work program'],
  mt_quarter: ['Quý {q}', 'Q{q}'],
  mt_whole_year: ['Cả năm', 'Whole year'],
  mt_year: ['Năm', 'Year'],
  mt_bch: ['BCH', 'Exec. Committee'],
  mt_btv: ['BTV', 'Standing Committee'],
  mt_ordinal: ['Hội nghị lần thứ {n}', 'Meeting no. {n}'],
  mt_held_on: ['họp {date}', 'held {date}'],
  mt_planned: ['dự kiến', 'planned'],
  mt_none: ['Chưa có hội nghị nào trong chương trình.', 'No meeting planned.'],
  mt_add: ['Thêm hội nghị', 'Add meeting'],
  mt_body: ['Cơ quan', 'Body'],
  mt_period: ['Thời gian dự kiến', 'Planned period'],
  mt_topic: ['Chủ đề', 'Topic'],
  mt_count: ['{n} hội nghị', '{n} meetings'],

  // inspections
  in_title: ['Chương trình kiểm tra, giám sát toàn khóa', 'Full-term inspection program'],
  in_period: ['Thời gian', 'When'],
  in_by: ['Chủ thể', 'Conducted by'],
  in_target: ['Đối tượng', 'Inspected'],
  in_topic: ['Nội dung', 'Topic'],
  in_kind: ['Hình thức', 'Kind'],
  in_status: ['Trạng thái', 'Status'],
  in_findings: ['Kết quả, kết luận', 'Findings'],
  in_none: ['Chưa có cuộc kiểm tra, giám sát nào.', 'No inspection yet.'],
  in_inspection: ['Kiểm tra', 'Inspection'],
  in_supervision: ['Giám sát', 'Supervision'],
  in_regular: ['thường xuyên', 'regular'],
  in_thematic: ['chuyên đề', 'thematic'],
  in_violation_signs: ['khi có dấu hiệu vi phạm', 'on signs of violation'],
  in_follow_up: ['{n} nhiệm vụ sau kiểm tra', '{n} follow-up tasks'],
  in_mode: ['Phương thức', 'Mode'],
  in_add: ['Thêm cuộc kiểm tra, giám sát', 'Add an inspection'],
  in_new: ['Cuộc kiểm tra, giám sát mới', 'New inspection'],
  in_edit_title: ['Sửa cuộc kiểm tra, giám sát', 'Edit the inspection'],
  in_planned: ['Thời gian dự kiến', 'Planned period'],
  in_period_hint: ['Ví dụ: Quý III/2021, năm 2022, 6 tháng đầu năm 2023', 'E.g. Quý III/2021, 2022, H1 2023'],
  in_held_from: ['Tiến hành từ ngày', 'Held from'],
  in_held_to: ['Đến ngày', 'Held to'],
  in_conclusion: ['Văn bản kết luận', 'Conclusion document'],
  in_program: ['Thuộc chương trình', 'Program'],
  in_follow_up_label: ['Nhiệm vụ sau kiểm tra', 'Follow-up tasks'],
  in_pick_tasks: ['Chọn nhiệm vụ', 'Choose tasks'],
  in_tasks_filter: ['Lọc nhiệm vụ', 'Filter tasks'],
  in_deleted: ['Đã xóa cuộc kiểm tra, giám sát.', 'Inspection deleted.'],
  in_of_org: ['do {org} và cơ quan của {org} tiến hành, hoặc đối với {org}', 'by or of {org}'],

  // assignments
  as_title: ['Phân công nhiệm vụ Ban Chấp hành, Ban Thường vụ', 'Assignments of committee members'],
  as_person: ['Đồng chí', 'Member'],
  as_title_col: ['Chức vụ', 'Title'],
  as_seats: ['Cấp ủy', 'Seats'],
  as_fields: ['Lĩnh vực phụ trách', 'Fields'],
  as_orgs: ['Địa bàn, đơn vị phụ trách', 'Units in charge'],
  as_none: ['Chưa có phân công.', 'No assignment yet.'],
  as_add: ['Thêm phân công', 'Add an assignment'],
  as_new: ['Phân công mới', 'New assignment'],
  as_edit_title: ['Sửa phân công', 'Edit the assignment'],
  as_pick_person: ['— Chọn đồng chí —', '— Choose a member —'],
  as_fields_hint: ['Nhiều lĩnh vực cách nhau bằng dấu ;', 'Separate fields with ;'],
  as_edit: ['Sửa phân công của đồng chí {name}', 'Edit the assignment of {name}'],
  as_delete: ['Xóa phân công của đồng chí {name}', 'Delete the assignment of {name}'],
  as_assign: ['Phân công đồng chí {name}', 'Assign {name}'],
  as_assign_short: ['Phân công', 'Assign'],
  as_deleted: ['Đã xóa phân công của đồng chí {name}.', 'Assignment of {name} deleted.'],
  seat_bch: ['Ủy viên BCH', 'BCH'],
  seat_btv: ['Ủy viên BTV', 'BTV'],
  seat_ubkt: ['Ủy viên UBKT', 'UBKT'],
  role_secretary: ['Bí thư', 'Secretary'],
  role_deputy_secretary: ['Phó Bí thư', 'Deputy secretary'],
  role_standing_deputy: ['Phó Bí thư Thường trực', 'Standing deputy secretary'],
  role_chair: ['Chủ nhiệm', 'Chair'],
  role_deputy_chair: ['Phó Chủ nhiệm', 'Deputy chair'],
  role_member: ['Ủy viên', 'Member'],

  // dissemination
  ds_title: ['Học tập, quán triệt nghị quyết', 'Dissemination of the resolution'],
  ds_rate: ['Tỷ lệ tham gia', 'Attendance rate'],
  ds_rollup: ['Toàn hệ thống: {attended}/{expected} lượt ({rate})', 'Whole subtree: {attended}/{expected} ({rate})'],
  ds_date: ['Ngày', 'Date'],
  ds_session: ['Hội nghị', 'Session'],
  ds_audience: ['Đối tượng', 'Audience'],
  ds_expected: ['Dự kiến', 'Expected'],
  ds_attended: ['Tham gia', 'Attended'],
  ds_none: ['Chưa có hội nghị quán triệt nào.', 'No session yet.'],
  ds_add: ['Thêm hội nghị quán triệt', 'Add a session'],
  ds_total: ['Cộng', 'Total'],

  // indicators
  id_title: ['Báo cáo chỉ tiêu', 'Indicator reporting'],
  id_pick: ['Chỉ tiêu', 'Indicator'],
  id_org: ['Đơn vị báo cáo', 'Reporting org'],
  id_rollup_row: ['Tổng hợp ({rule})', 'Rolled up ({rule})'],
  id_missing: ['{n} ô phải báo cáo chưa có số liệu', '{n} cells due without a value'],
  id_cell_label: ['{org}, {period}', '{org}, {period}'],
  id_value_saved: ['Đã ghi {value} cho {org}, {period}', 'Saved {value} for {org}, {period}'],
  id_no_indicator: ['Nghị quyết này chưa có chỉ tiêu.', 'This resolution has no indicator.'],
  id_hint: ['Nhập số rồi nhấn Enter hoặc chuyển ô; ô trống là chưa báo cáo.', 'Type a number, then Enter or move on; empty cells are not reported.'],
  id_reporting: ['{n}/{m} đơn vị đã báo cáo', '{n}/{m} orgs reported'],
  id_not_reported_cell: ['chưa báo cáo', 'not reported'],

  // periods
  p_year: ['năm {y}', '{y}'],
  p_quarter: ['Quý {r}/{y}', 'Q{q} {y}'],
  p_h1: ['6 tháng đầu năm {y}', 'H1 {y}'],
  p_h2: ['6 tháng cuối năm {y}', 'H2 {y}'],
  p_month: ['tháng {m}/{y}', '{mon} {y}'],
  p_term: ['cả nhiệm kỳ', 'whole term'],
  p_term_years: ['cả nhiệm kỳ {from}–{to}', 'whole term {from}–{to}'],
  p_mid_term: ['giữa nhiệm kỳ', 'mid-term'],
};

const LANGS = ['vi', 'en'];
let lang = 'vi';
try {
  const saved = localStorage.getItem('tk_lang');
  if (LANGS.includes(saved)) lang = saved;
} catch (e) {
  /* storage may be off */
}

export function getLang() {
  return lang;
}

export function setLang(l) {
  if (!LANGS.includes(l)) return;
  lang = l;
  try {
    localStorage.setItem('tk_lang', l);
  } catch (e) {
    /* ignore */
  }
  document.documentElement.lang = l;
}

export function t(key, params) {
  const entry = M[key];
  let s = entry ? entry[lang === 'en' ? 1 : 0] : key;
  if (params) s = s.replace(/\{(\w+)\}/g, (m, k) => (params[k] !== undefined && params[k] !== null ? String(params[k]) : m));
  return s;
}

export function has(key) {
  return key in M;
}

// ---- numbers: vi-VN groups with "." and decimals with ","
const nfCache = new Map();
function nf(opts) {
  const k = lang + JSON.stringify(opts);
  if (!nfCache.has(k)) nfCache.set(k, new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN', opts));
  return nfCache.get(k);
}
export function num(v, digits = 1) {
  if (v === null || v === undefined || Number.isNaN(v)) return t('none');
  return nf({ maximumFractionDigits: digits }).format(v);
}
// Bytes as people read them: "830 B", "12,4 KB", "3,2 MB".
export function fileSize(n) {
  if (n == null) return t('none');
  if (n < 1024) return num(n, 0) + ' B';
  if (n < 1024 * 1024) return num(n / 1024, 1) + ' KB';
  return num(n / (1024 * 1024), 1) + ' MB';
}
export function pct(ratio, digits = 1) {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return t('none');
  return nf({ maximumFractionDigits: digits }).format(ratio * 100) + ' %';
}

// ---- dates: ISO YYYY-MM-DD in, dd/mm/yyyy out (no time zone arithmetic on pure dates)
export function date(iso) {
  if (!iso) return t('none');
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}
export function dateRange(a, b) {
  if (!a) return t('none');
  if (!b || a === b) return date(a);
  const [ya, ma] = a.split('-');
  const [yb, mb] = b.split('-');
  if (ya === yb && ma === mb) return `${a.slice(8, 10)}–${date(b)}`;
  return `${date(a)}–${date(b)}`;
}
export function todayIso() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
export function daysBetween(a, b) {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86400000);
}

// ---- Roman numerals (the server sends congress.ordinal_roman; this is the fallback)
export function roman(n) {
  if (!n || n < 1 || n > 3999) return String(n ?? '');
  const tbl = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let s = '';
  for (const [v, r] of tbl) while (n >= v) (s += r), (n -= v);
  return s;
}

// ---- periods: 2021, 2021-Q2, 2021-H1, 2021-06, term
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export function period(code, term, { cap = false } = {}) {
  if (!code) return t('none');
  let s;
  let m;
  if (code === 'term') s = term ? t('p_term_years', { from: term.starts_year, to: term.ends_year }) : t('p_term');
  else if ((m = /^(\d{4})$/.exec(code))) s = t('p_year', { y: m[1] });
  else if ((m = /^(\d{4})-Q([1-4])$/.exec(code))) s = t('p_quarter', { y: m[1], q: m[2], r: roman(+m[2]) });
  else if ((m = /^(\d{4})-H([12])$/.exec(code))) s = t(m[2] === '1' ? 'p_h1' : 'p_h2', { y: m[1] });
  else if ((m = /^(\d{4})-(\d{2})$/.exec(code))) s = t('p_month', { y: m[1], m: +m[2], mon: MONTHS_EN[+m[2] - 1] });
  else s = code;
  return cap ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

// The last day of a period, ISO (for ordering and for "due" figures).
export function periodEnd(code, term) {
  let m;
  if (!code) return null;
  if (code === 'term') return term ? `${term.ends_year}-12-31` : null;
  if ((m = /^(\d{4})$/.exec(code))) return `${m[1]}-12-31`;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(code))) return `${m[1]}-${['03-31', '06-30', '09-30', '12-31'][+m[2] - 1]}`;
  if ((m = /^(\d{4})-H([12])$/.exec(code))) return `${m[1]}-${m[2] === '1' ? '06-30' : '12-31'}`;
  if ((m = /^(\d{4})-(\d{2})$/.exec(code))) {
    const last = new Date(Date.UTC(+m[1], +m[2], 0)).getUTCDate();
    return `${m[1]}-${m[2]}-${String(last).padStart(2, '0')}`;
  }
  return null;
}

// Reads what a person types in the "Thời gian thực hiện" column, or what a spreadsheet holds
// there, into {period} or {due_on}; null when it cannot. Accepts "Quý II/2021", "quý 2 năm 2021",
// "Q2/2021", "2021-Q2", "năm 2021", "2021", "6 tháng đầu năm 2021", "tháng 6/2021", "06/2021",
// "30/06/2021", "2021-06-30", "cả nhiệm kỳ", "term", "hằng năm" (the whole term).
export function parseTimeFrame(text) {
  const raw = (text || '').trim();
  if (!raw) return {};
  const s = fold(raw).replace(/\s+/g, ' ');
  let m;
  if (/^(term|ca nhiem ky|toan khoa|nhiem ky|hang nam|thuong xuyen|whole term)/.test(s)) return { period: 'term' };
  if ((m = /^(\d{4})-(q[1-4]|h[12]|0[1-9]|1[0-2])$/.exec(s))) return { period: `${m[1]}-${m[2].toUpperCase()}` };
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) return { due_on: s };
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s))) return { due_on: `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` };
  if ((m = /^(?:truoc |truoc ngay |den |den ngay )?ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})$/.exec(s)))
    return { due_on: `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` };
  if ((m = /^(?:quy|q) ?([1-4]|i{1,3}|iv)(?: ?\/ ?| nam | )(\d{4})$/.exec(s))) {
    const q = { i: 1, ii: 2, iii: 3, iv: 4 }[m[1]] || +m[1];
    return { period: `${m[2]}-Q${q}` };
  }
  if ((m = /^(?:6 thang dau nam|h1) ?\/? ?(\d{4})$/.exec(s))) return { period: `${m[1]}-H1` };
  if ((m = /^(?:6 thang cuoi nam|h2) ?\/? ?(\d{4})$/.exec(s))) return { period: `${m[1]}-H2` };
  if ((m = /^(?:thang )?(\d{1,2}) ?\/ ?(\d{4})$/.exec(s)) && +m[1] >= 1 && +m[1] <= 12) return { period: `${m[2]}-${m[1].padStart(2, '0')}` };
  if ((m = /^thang (\d{1,2}) nam (\d{4})$/.exec(s)) && +m[1] >= 1 && +m[1] <= 12) return { period: `${m[2]}-${m[1].padStart(2, '0')}` };
  if ((m = /^(?:nam |trong nam )?(\d{4})$/.exec(s))) return { period: m[1] };
  return null;
}

export function timeFrame(task, term) {
  if (task.due_on) return date(task.due_on);
  if (task.period) return period(task.period, term, { cap: true });
  return '';
}

// Case and diacritics folding, đ included, for matching what people type ("mong cai").
export function fold(s) {
  return (s || '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

// Vietnamese alphabetical order for names.
const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
export function compareVi(a, b) {
  return collator.compare(a || '', b || '');
}

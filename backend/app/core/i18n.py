"""Server-side messages a person reads (errors), in Simplified Chinese and English.

The locale comes from the request's Accept-Language header; Chinese is the default.
"""

import contextvars

SUPPORTED = ("zh-CN", "en")
current_locale: contextvars.ContextVar[str] = contextvars.ContextVar("current_locale", default="zh-CN")

MESSAGES: dict[str, dict[str, str]] = {
    "not_found": {"zh-CN": "未找到该{entity}。", "en": "This {entity} was not found."},
    "not_found.title": {"zh-CN": "未找到", "en": "Not found"},
    "forbidden": {"zh-CN": "您没有权限执行此操作。", "en": "You are not allowed to do this."},
    "forbidden.title": {"zh-CN": "无权操作", "en": "Forbidden"},
    "conflict.title": {"zh-CN": "冲突", "en": "Conflict"},
    "duplicate": {
        "zh-CN": "{field}“{value}”已被使用。",
        "en": "{field} “{value}” is already in use.",
    },
    "integrity": {
        "zh-CN": "数据与现有记录冲突，未保存。",
        "en": "The data conflicts with existing records and was not saved.",
    },
    "unstorable": {
        "zh-CN": "有值超出了可保存的范围，或含有无法保存的字符（如 NUL），未保存。",
        "en": "A value is outside the range that can be stored, or holds a character that cannot be (NUL).",
    },
    "stale.title": {"zh-CN": "数据已被修改", "en": "Changed by someone else"},
    "stale": {
        "zh-CN": "此记录已被他人修改（当前版本 {current}），请刷新后重试。",
        "en": "This record was changed by someone else (now version {current}); reload and try again.",
    },
    "validation.title": {"zh-CN": "输入有误", "en": "Invalid input"},
    "validation": {"zh-CN": "请检查标出的字段。", "en": "Please check the marked fields."},
    "bad_request.title": {"zh-CN": "请求无效", "en": "Bad request"},
    "unauthorized.title": {"zh-CN": "未登录", "en": "Not authenticated"},
    "unauthorized": {
        "zh-CN": "登录已失效或凭据无效，请重新登录。",
        "en": "Your session is missing, expired or invalid; please sign in again.",
    },
    "bad_credentials": {"zh-CN": "用户名或密码错误。", "en": "Wrong username or password."},
    "inactive": {"zh-CN": "该账号已停用。", "en": "This account is deactivated."},
    "rate_limited.title": {"zh-CN": "尝试次数过多", "en": "Too many attempts"},
    "too_many_requests.title": {"zh-CN": "请求过于频繁", "en": "Too many requests"},
    "too_many_requests": {
        "zh-CN": "请求过于频繁，请在 {seconds} 秒后再试。",
        "en": "Too many requests; try again in {seconds} seconds.",
    },
    "rate_limited": {
        "zh-CN": "登录失败次数过多，请在 {minutes} 分钟后再试。",
        "en": "Too many failed sign-ins; try again in {minutes} minutes.",
    },
    "credentials_required": {
        "zh-CN": "请填写用户名和密码（表单格式提交）。",
        "en": "Username and password are required (as form fields).",
    },
    "password_too_common": {
        "zh-CN": "这个密码太常见，很容易被猜到，请换一个。",
        "en": "This password is among the most common ones and easy to guess; choose another.",
    },
    "password_is_username": {
        "zh-CN": "密码不能与用户名相同。",
        "en": "The password may not be the username.",
    },
    "wrong_password": {"zh-CN": "当前密码不正确。", "en": "The current password is wrong."},
    "bad_refresh": {
        "zh-CN": "刷新令牌无效或已失效，请重新登录。",
        "en": "The refresh token is invalid or expired; please sign in again.",
    },
    "unsupported_grant": {
        "zh-CN": "不支持的授权类型：{grant}。",
        "en": "Unsupported grant type: {grant}.",
    },
    "internal.title": {"zh-CN": "服务器错误", "en": "Server error"},
    "internal": {
        "zh-CN": "服务器出现意外错误，已记录，请稍后再试。",
        "en": "An unexpected error occurred and was logged; please try again later.",
    },
    "method_not_allowed.title": {"zh-CN": "不支持的请求方法", "en": "Method not allowed"},
    "role_school_required": {
        "zh-CN": "学校管理员必须指定所属学校。",
        "en": "A school administrator must belong to a school.",
    },
    "role_teacher_required": {
        "zh-CN": "教师账号必须关联一名教师。",
        "en": "A teacher account must be linked to a teacher record.",
    },
    "role_bureau_org_required": {
        "zh-CN": "教育局账号必须指定所属教育局。",
        "en": "A bureau account must belong to a bureau.",
    },
    "teacher_has_account": {
        "zh-CN": "该教师已关联其他账号。",
        "en": "This teacher is already linked to another account.",
    },
    "cannot_deactivate_self": {
        "zh-CN": "不能停用或降级自己的账号。",
        "en": "You cannot deactivate or demote your own account.",
    },
    "region_not_county": {
        "zh-CN": "学校必须属于一个区县。",
        "en": "A school must belong to a county.",
    },
    "precondition_malformed": {
        "zh-CN": "If-Match 请求头格式无效。",
        "en": "The If-Match header is malformed.",
    },
    "export_too_large": {
        "zh-CN": "导出行数超过上限 {limit}，请缩小筛选范围。",
        "en": "The export exceeds {limit} rows; narrow the filters.",
    },
    # Agreements.
    "school_outside_programme": {
        "zh-CN": "该学校不在本项目所属教育局的管辖范围内。",
        "en": "This school is outside the jurisdiction of the programme's bureau.",
    },
    "schools_must_differ": {"zh-CN": "支援学校与受援学校不能相同。", "en": "The two schools must differ."},
    "must_be_party": {
        "zh-CN": "学校管理员只能起草本校参与的协议。",
        "en": "A school administrator can only draft agreements their school is party to.",
    },
    "assistant_principal_not_supporting": {
        "zh-CN": "挂职校长助理须为支援学校的教师。",
        "en": "The assistant principal must be a teacher of the supporting school.",
    },
    "end_before_start": {
        "zh-CN": "结束日期须晚于开始日期。",
        "en": "The end date must be after the start date.",
    },
    "agreement_not_editable": {
        "zh-CN": "协议当前为“{status}”，只有草稿可以修改；签订后的变更请使用补充协议。",
        "en": "The agreement is {status}; only drafts can be edited. After signing, use an amendment.",
    },
    "renew_needs_signed": {
        "zh-CN": "协议当前为“{status}”，只有生效中或已完成的协议可以续签。",
        "en": "The agreement is {status}; only active or completed agreements can be renewed.",
    },
    "agreement_closed": {
        "zh-CN": "协议当前为“{status}”，不能再添加或修改目标。",
        "en": "The agreement is {status}; goals can no longer be added or changed.",
    },
    "ledger_needs_active": {
        "zh-CN": "协议当前为“{status}”，只有生效中的协议可以登记活动和捐赠。",
        "en": "The agreement is {status}; activities and donations are recorded only while it is active.",
    },
    "amendment_needs_active": {
        "zh-CN": "协议当前为“{status}”，只有生效中的协议可以签订补充协议。",
        "en": "The agreement is {status}; only active agreements take amendments.",
    },
    "invalid_transition": {
        "zh-CN": "当前状态为“{status}”，不能执行“{action}”。可执行的操作：{allowed}。",
        "en": "The current status is {status}; “{action}” is not possible. Allowed now: {allowed}.",
    },
    "not_your_step": {
        "zh-CN": "这一步应由{party}办理。",
        "en": "This step belongs to the {party}.",
    },
    "comment_required": {"zh-CN": "请填写理由。", "en": "A reason is required."},
    "agreement_overlap": {
        "zh-CN": "这两所学校在该期间已有协议（编号 {other}），同一对学校的协议期限不能重叠。",
        "en": "These schools already have an agreement for this period (#{other}); periods may not overlap.",
    },
    "school_not_party": {
        "zh-CN": "该学校不是本协议的签约方。",
        "en": "This school is not a party to the agreement.",
    },
    "status.draft": {"zh-CN": "草稿", "en": "draft"},
    "status.submitted": {"zh-CN": "已提交", "en": "submitted"},
    "status.confirmed": {"zh-CN": "已确认", "en": "confirmed"},
    "status.active": {"zh-CN": "生效中", "en": "active"},
    "status.completed": {"zh-CN": "已完成", "en": "completed"},
    "status.terminated": {"zh-CN": "已终止", "en": "terminated"},
    "action.submit": {"zh-CN": "提交（支援学校签署）", "en": "submit"},
    "action.confirm": {"zh-CN": "确认（受援学校签署）", "en": "confirm"},
    "action.approve": {"zh-CN": "审批", "en": "approve"},
    "action.reject": {"zh-CN": "退回", "en": "reject"},
    "action.complete": {"zh-CN": "结项", "en": "complete"},
    "action.terminate": {"zh-CN": "终止", "en": "terminate"},
    "action.none": {"zh-CN": "无", "en": "none"},
    "party.supporting_school": {"zh-CN": "支援学校", "en": "supporting school"},
    "party.receiving_school": {"zh-CN": "受援学校", "en": "receiving school"},
    "party.bureau": {"zh-CN": "教育局", "en": "bureau"},
    "entity.programme": {"zh-CN": "项目", "en": "programme"},
    "entity.agreement": {"zh-CN": "协议", "en": "agreement"},
    "entity.amendment": {"zh-CN": "补充协议", "en": "amendment"},
    "entity.goal": {"zh-CN": "阶段目标", "en": "goal"},
    "entity.activity": {"zh-CN": "帮扶活动", "en": "activity"},
    "entity.donation": {"zh-CN": "捐赠", "en": "donation"},
    "too_large.title": {"zh-CN": "文件过大", "en": "File too large"},
    "too_large": {"zh-CN": "文件不能超过 {limit} MB。", "en": "Files may be at most {limit} MB."},
    "unsupported_type.title": {"zh-CN": "文件类型不支持", "en": "Unsupported file type"},
    "unsupported_type": {
        "zh-CN": "只接受 PDF 或图片（JPEG、PNG、WebP）文件。",
        "en": "Only PDF files and images (JPEG, PNG, WebP) are accepted.",
    },
    "attachment_target_mismatch": {
        "zh-CN": "所选的补充协议或活动不属于该协议。",
        "en": "The amendment or activity does not belong to this agreement.",
    },
    "notice.agreement_expiring": {
        "zh-CN": "协议“{title}”将于 {end} 到期（还剩 {days} 天），请准备总结或续签。",
        "en": "Agreement “{title}” ends on {end} ({days} days left): prepare the review or a renewal.",
    },
    "notice.agreement_expiring_today": {
        "zh-CN": "协议“{title}”今天到期，请完成总结或续签。",
        "en": "Agreement “{title}” ends today: complete the review or renew it.",
    },
    "notice.rotation_waiting": {
        "zh-CN": "{title}（{home} → {host}，{start} 起）的交流安排待审批。",
        "en": "The rotation of {title} ({home} → {host}, from {start}) is waiting for approval.",
    },
    "notice.leave_waiting": {
        "zh-CN": "{title}申请 {start} 至 {end} 请假，待您审批。",
        "en": "{title} asks for leave from {start} to {end}; waiting for your decision.",
    },
    "notice.leave_decided": {
        "zh-CN": "您 {start} 至 {end} 的请假申请：{outcome}。",
        "en": "Your leave from {start} to {end}: {outcome}.",
    },
    "notice.assessment_published": {
        "zh-CN": "{title}结果已发布（{pairs} 对结对学校），请查看本校得分与排名。",
        "en": "The results of {title} are published ({pairs} pairs): see your school's scores and rank.",
    },
    "notice.evaluation_due": {
        "zh-CN": "{title}在{host}的交流将于 {end} 结束，请提交考核。",
        "en": "The rotation of {title} at {host} ends on {end}; please submit the evaluation.",
    },
    "notice.agreement_waiting": {
        "zh-CN": "协议“{title}”等待您办理。",
        "en": "Agreement “{title}” is waiting for you.",
    },
    "notice.amendment_waiting": {
        "zh-CN": "协议“{title}”的补充协议等待您办理。",
        "en": "An amendment to “{title}” is waiting for you.",
    },
    "notice.minutes_to_confirm": {
        "zh-CN": "协议“{title}”的例会纪要等待您确认。",
        "en": "Meeting minutes of “{title}” are waiting for your confirmation.",
    },
    "notice.minutes_pending": {
        "zh-CN": "协议“{title}”于 {held} 召开的例会，纪要 {days} 天仍未定稿。",
        "en": "The minutes of the “{title}” meeting held on {held} are still not final after {days} days.",
    },
    "notice.item_due": {
        "zh-CN": "跟进事项“{description}”（{title}）将于 {due} 到期。",
        "en": "Follow-up item “{description}” ({title}) is due on {due}.",
    },
    "notice.item_overdue": {
        "zh-CN": "跟进事项“{description}”（{title}）已于 {due} 逾期。",
        "en": "Follow-up item “{description}” ({title}) has been overdue since {due}.",
    },
    "notice.meeting_at_risk": {
        "zh-CN": "协议“{title}”本学期（半年）尚未召开例会，剩余不足 30 天。",
        "en": "“{title}” has held no meeting this half-year and fewer than 30 days remain.",
    },
    "notice.compliance_digest": {
        "zh-CN": "本周例会督查：{year} 学年有 {count} 对结对学校未达到例会要求。",
        "en": "Weekly check: {count} pairs fall short of the meeting requirement in school year {year}.",
    },
    "entity.notification": {"zh-CN": "提醒", "en": "notification"},
    "meetings_need_active": {
        "zh-CN": "协议当前为“{status}”，只有生效中的协议可以安排例会。",
        "en": "The agreement is {status}; meetings are scheduled only for active agreements.",
    },
    "meeting_cancelled": {
        "zh-CN": "该例会已取消，不能再修改。",
        "en": "This meeting was cancelled and cannot change.",
    },
    "meeting_already_held": {
        "zh-CN": "该例会已召开，状态不能再更改。",
        "en": "This meeting has been held; its status cannot change.",
    },
    "held_date_required": {"zh-CN": "请填写召开日期。", "en": "Enter the date the meeting was held."},
    "held_date_future": {"zh-CN": "召开日期不能晚于今天。", "en": "A meeting cannot be held in the future."},
    "minutes_final": {"zh-CN": "会议纪要已定稿锁定，不能再修改。", "en": "The minutes are final and locked."},
    "record_needs_held": {
        "zh-CN": "例会召开后才能填写出席人员、纪要和决定。",
        "en": "Attendees, minutes and decisions are recorded once the meeting is held.",
    },
    "minutes_not_waiting": {
        "zh-CN": "纪要当前不需要您确认。",
        "en": "These minutes are not waiting for you.",
    },
    "items_need_held": {
        "zh-CN": "例会召开后才能登记跟进事项。",
        "en": "Follow-up items are added once the meeting is held.",
    },
    "minutes_not_final": {
        "zh-CN": "纪要尚未定稿，暂不能导出 PDF。",
        "en": "The minutes are not final yet; the PDF is made once they are.",
    },
    "rotation_overlap": {
        "zh-CN": "该教师在这段时间已有交流安排（编号 {other}），时间不能重叠。",
        "en": "This teacher already has a rotation in this period (#{other}); rotations may not overlap.",
    },
    "rotation_home_only": {
        "zh-CN": "学校只能为本校教师提出交流安排。",
        "en": "A school proposes rotations for its own teachers only.",
    },
    "rotation_agreement_inactive": {
        "zh-CN": "所选协议不存在或未生效。",
        "en": "The agreement does not exist or is not active.",
    },
    "rotation_direction_mismatch": {
        "zh-CN": "交流方向与协议不符：支教由支援学校派往受援学校，跟岗由受援学校派往支援学校。",
        "en": "The direction does not match the agreement: dispatch goes supporting → receiving, "
        "training receiving → supporting.",
    },
    "rotation_teacher_not_home": {
        "zh-CN": "该教师不属于派出学校。",
        "en": "This teacher does not belong to the home school.",
    },
    "checkin_needs_active": {
        "zh-CN": "交流尚未开始或已结束，不能签到。",
        "en": "Check-in is open only while the rotation is active.",
    },
    "checkin_future": {"zh-CN": "签到时间不能晚于现在。", "en": "A check-in cannot be in the future."},
    "checkin_outside_rotation": {
        "zh-CN": "签到日期不在交流期内。",
        "en": "The date is outside the rotation's period.",
    },
    "timezone_required": {"zh-CN": "时间须带时区。", "en": "The time must carry a timezone offset."},
    # Daily records of a rotation: leave, work log, evaluation, attendance.
    "own_records_only": {
        "zh-CN": "只有交流教师本人可以填写自己的请假和工作日志。",
        "en": "Only the rotated teacher writes their own leave requests and work log.",
    },
    "date_outside_rotation": {
        "zh-CN": "日期不在交流期内。",
        "en": "The date is outside the rotation's period.",
    },
    "leave_needs_running": {
        "zh-CN": "交流安排当前为“{status}”，只有已批准或交流中的安排可以请假。",
        "en": "The rotation is {status}; leave is requested for approved or active rotations only.",
    },
    "leave_overlap": {
        "zh-CN": "这段时间已有请假申请（编号 {other}）。",
        "en": "There is already a leave request for these days (#{other}).",
    },
    "leave_status.pending": {"zh-CN": "待审批", "en": "pending"},
    "leave_status.approved": {"zh-CN": "已批准", "en": "approved"},
    "leave_status.rejected": {"zh-CN": "未批准", "en": "rejected"},
    "log_future": {"zh-CN": "日志日期不能晚于今天。", "en": "A log entry cannot be dated after today."},
    "log_needs_active": {
        "zh-CN": "交流安排当前为“{status}”，只有交流期间可以填写工作日志。",
        "en": "The rotation is {status}; the work log is written while it is active.",
    },
    "log_no_photo": {"zh-CN": "这条日志没有照片。", "en": "This log entry has no photo."},
    "unsupported_image": {
        "zh-CN": "只接受 JPEG、PNG 或 WebP 图片。",
        "en": "Only JPEG, PNG and WebP images are accepted.",
    },
    "evaluation_host_only": {
        "zh-CN": "考核由接收学校（或代为办理的教育局）填写。",
        "en": "The host school (or the bureau on its behalf) evaluates the teacher.",
    },
    "evaluation_needs_active": {
        "zh-CN": "交流安排当前为“{status}”，只有交流中的安排可以考核。",
        "en": "The rotation is {status}; only active rotations are evaluated.",
    },
    "evaluation_exists": {
        "zh-CN": "本校已填写过这次交流的考核（编号 {other}），请修改该考核。",
        "en": "Your school already evaluated this rotation (#{other}); edit that evaluation instead.",
    },
    "evaluation_final": {
        "zh-CN": "考核已提交，不能再修改。",
        "en": "The evaluation has been submitted and can no longer be changed.",
    },
    "complete_needs_evaluation": {
        "zh-CN": "接收学校提交考核后才能结束交流。",
        "en": "The rotation is completed after the host school has submitted its evaluation.",
    },
    "month_outside_rotation": {
        "zh-CN": "该月份不在交流期内。",
        "en": "The month is outside the rotation's period.",
    },
    "entity.leave": {"zh-CN": "请假申请", "en": "leave request"},
    "entity.work_log": {"zh-CN": "工作日志", "en": "work log entry"},
    "entity.evaluation": {"zh-CN": "考核", "en": "evaluation"},
    "entity.assessment": {"zh-CN": "年度考核", "en": "annual assessment"},
    "entity.integration_client": {"zh-CN": "集成客户端", "en": "integration client"},
    "entity.webhook": {"zh-CN": "事件订阅", "en": "webhook"},
    "entity.webhook_delivery": {"zh-CN": "事件投递", "en": "webhook delivery"},
    "webhook_url_refused": {
        "zh-CN": "不能向该地址投递事件：{reason}。",
        "en": "Events cannot be delivered to this address: {reason}.",
    },
    "idempotency_key_invalid": {
        "zh-CN": "Idempotency-Key 不能为空，最长 {max} 个字符。",
        "en": "The Idempotency-Key must not be empty and at most {max} characters long.",
    },
    "idempotency_key_reused": {
        "zh-CN": "该 Idempotency-Key 已用于另一个请求（内容不同），请换一个新的键。",
        "en": "This Idempotency-Key was used for a different request; use a new key.",
    },
    "idempotency_in_progress": {
        "zh-CN": "使用该 Idempotency-Key 的请求仍在处理中，请稍后重试。",
        "en": "A request with this Idempotency-Key is still being processed; retry shortly.",
    },
    "integration.service_user": {"zh-CN": "集成客户端：{name}", "en": "Integration client: {name}"},
    "bad_client": {
        "zh-CN": "客户端编号或密钥错误，或该客户端已被吊销。",
        "en": "Wrong client id or secret, or the client has been revoked.",
    },
    "client_revoked": {
        "zh-CN": "该集成客户端已被吊销或密钥已更换，请重新获取令牌。",
        "en": "This integration client was revoked or its secret rotated; get a new token.",
    },
    "invalid_scope": {
        "zh-CN": "客户端未被授予以下权限范围：{scopes}。",
        "en": "The client was not granted these scopes: {scopes}.",
    },
    "scope_missing": {
        "zh-CN": "此操作需要权限范围 {scope}，该令牌未包含。",
        "en": "This needs the scope {scope}, which the token does not carry.",
    },
    "client_route_closed": {
        "zh-CN": "集成客户端不能使用此接口。",
        "en": "Integration clients cannot use this endpoint.",
    },
    "entity.assessment_sheet": {"zh-CN": "考核评分表", "en": "assessment sheet"},
    "assessment.default_title": {
        "zh-CN": "{name} {year} 学年年度考核",
        "en": "{name} annual assessment {year}",
    },
    "assessment.report_filename": {"zh-CN": "{year}学年年度考核结果", "en": "assessment-results-{year}"},
    "assessment_exists": {
        "zh-CN": "该项目本学年已有年度考核（编号 {other}）。",
        "en": "This programme already has an assessment for the school year (no. {other}).",
    },
    "assessment_published": {
        "zh-CN": "年度考核已发布，评分已锁定，不能再修改。",
        "en": "The assessment is published; its scores are locked.",
    },
    "assessment_item_unknown": {
        "zh-CN": "评分项编号不属于本考核，或重复出现。",
        "en": "An item id does not belong to this assessment, or appears twice.",
    },
    "assessment_item_below_scores": {
        "zh-CN": "评分项“{item}”已有 {points} 分的评分，满分不能低于该分数。",
        "en": "Item “{item}” already has a score of {points}; its maximum cannot be lower.",
    },
    "assessment_score_repeated": {
        "zh-CN": "同一评分项出现了两次。",
        "en": "The same item is scored twice.",
    },
    "assessment_score_not_manual": {
        "zh-CN": "只能为本考核中由督导人员评分的项目打分（自动评分项由数据计算）。",
        "en": "Only inspector-scored items of this assessment can be scored (automatic ones come from data).",
    },
    "assessment_score_above_max": {
        "zh-CN": "“{item}”最高 {max} 分。",
        "en": "“{item}” is worth at most {max} points.",
    },
    "assessment_no_pairs": {
        "zh-CN": "本学年该项目没有在履行的结对协议，无可发布的考核结果。",
        "en": "No agreement of this programme is in force in the school year: there is nothing to publish.",
    },
    "assessment_incomplete": {
        "zh-CN": "还有 {count} 对（共 {pairs} 对）结对学校未完成评分，全部评分后才能发布。",
        "en": "{count} of {pairs} pairs are not fully scored yet; score them all before publishing.",
    },
    "assessment.item.organisation": {"zh-CN": "组织领导与工作计划", "en": "Leadership and work plan"},
    "assessment.item.organisation.guidance": {
        "zh-CN": "成立领导小组，制定年度帮扶计划，分工明确、责任到人。",
        "en": "A leading group set up, a yearly plan written, duties assigned to named people.",
    },
    "assessment.item.meetings": {"zh-CN": "结对例会", "en": "Pairing meetings"},
    "assessment.item.meetings.guidance": {
        "zh-CN": "按项目要求召开例会（按已召开次数与应开次数自动计分）。",
        "en": "Meetings held as the programme requires (scored from meetings held vs required).",
    },
    "assessment.item.rotations": {"zh-CN": "教师交流轮岗", "en": "Teacher rotations"},
    "assessment.item.rotations.guidance": {
        "zh-CN": "按协议派出或接收交流教师（按本学年在岗或已完成的交流人数自动计分）。",
        "en": "Teachers exchanged under the agreement (scored from active or completed rotations this year).",
    },
    "assessment.item.activities": {"zh-CN": "教研与帮扶活动", "en": "Teaching and support activities"},
    "assessment.item.activities.guidance": {
        "zh-CN": "送教下乡、示范课、联合教研等活动（按本学年记录的活动数自动计分）。",
        "en": "Lessons to the countryside, demonstration lessons, joint research (scored from activities "
        "recorded this year).",
    },
    "assessment.item.goals": {"zh-CN": "帮扶目标达成", "en": "Goals achieved"},
    "assessment.item.goals.guidance": {
        "zh-CN": "本学年到期的阶段目标完成情况（按已达成数与到期数自动计分）。",
        "en": "The goals due this school year (scored from achieved vs due).",
    },
    "assessment.item.records": {"zh-CN": "档案资料与宣传报道", "en": "Records and news reports"},
    "assessment.item.records.guidance": {
        "zh-CN": "过程资料齐全规范，及时上报帮扶动态和典型经验。",
        "en": "Complete, orderly records; news and good practice reported on time.",
    },
    "entity.calendar_day": {"zh-CN": "校历日期", "en": "calendar day"},
    "field.date": {"zh-CN": "日期", "en": "Date"},
    "certificate_needs_completed": {
        "zh-CN": "交流安排当前为“{status}”，完成后才能出具支教证明。",
        "en": "The rotation is {status}; the certificate is issued once it is completed.",
    },
    "rotation_kind.teaching": {"zh-CN": "支教", "en": "teaching rotation"},
    "rotation_kind.secondment": {"zh-CN": "挂职交流", "en": "secondment"},
    "rotation_kind.shadowing": {"zh-CN": "跟岗学习", "en": "shadowing"},
    "rotation_kind.replacement": {"zh-CN": "顶岗交流", "en": "replacement teaching"},
    "grade.excellent": {"zh-CN": "优秀", "en": "excellent"},
    "grade.good": {"zh-CN": "良好", "en": "good"},
    "grade.pass": {"zh-CN": "合格", "en": "pass"},
    "grade.fail": {"zh-CN": "不合格", "en": "fail"},
    "yes": {"zh-CN": "是", "en": "yes"},
    "no": {"zh-CN": "否", "en": "no"},
    "activity_kind.lecture": {"zh-CN": "讲座", "en": "lecture"},
    "activity_kind.demonstration_lesson": {"zh-CN": "示范课", "en": "demonstration lesson"},
    "activity_kind.exchange_lesson": {"zh-CN": "交流课", "en": "exchange lesson"},
    "activity_kind.lessons_to_countryside": {"zh-CN": "送课下乡", "en": "lessons to the countryside"},
    "activity_kind.joint_research": {"zh-CN": "联合教研", "en": "joint research"},
    "activity_kind.seminar": {"zh-CN": "研讨会", "en": "seminar"},
    "activity_kind.leader_visit": {"zh-CN": "领导互访", "en": "leader visit"},
    "activity_kind.student_exchange": {"zh-CN": "学生手拉手", "en": "student exchange"},
    "activity_kind.training_visit": {"zh-CN": "跟岗培训", "en": "training visit"},
    "activity_kind.other": {"zh-CN": "其他", "en": "other"},
    "rotation_status.planned": {"zh-CN": "已计划", "en": "planned"},
    "rotation_status.approved": {"zh-CN": "已批准", "en": "approved"},
    "rotation_status.active": {"zh-CN": "交流中", "en": "active"},
    "rotation_status.completed": {"zh-CN": "已完成", "en": "completed"},
    "rotation_status.withdrawn": {"zh-CN": "已撤回", "en": "withdrawn"},
    "action.arrive": {"zh-CN": "确认到岗", "en": "confirm arrival"},
    "action.withdraw": {"zh-CN": "撤回", "en": "withdraw"},
    "compliance.compliant": {"zh-CN": "达标", "en": "compliant"},
    "compliance.at_risk": {"zh-CN": "有风险", "en": "at risk"},
    "compliance.non_compliant": {"zh-CN": "未达标", "en": "non-compliant"},
    "entity.meeting": {"zh-CN": "例会", "en": "meeting"},
    "entity.action_item": {"zh-CN": "跟进事项", "en": "follow-up item"},
    "entity.rotation": {"zh-CN": "交流安排", "en": "rotation"},
    "entity.attachment": {"zh-CN": "附件", "en": "attachment"},
    # Entity and field names used inside messages.
    "entity.school": {"zh-CN": "学校", "en": "school"},
    "entity.teacher": {"zh-CN": "教师", "en": "teacher"},
    "entity.user": {"zh-CN": "账号", "en": "user"},
    "entity.region": {"zh-CN": "区域", "en": "region"},
    "entity.organization": {"zh-CN": "教育局", "en": "bureau"},
    "entity.resource": {"zh-CN": "资源", "en": "resource"},
    "field.code": {"zh-CN": "学校代码", "en": "School code"},
    "field.username": {"zh-CN": "用户名", "en": "Username"},
    # Bulk import (spreadsheets): file-level problems, then cell messages, then template texts.
    "import_rejected": {
        "zh-CN": "文件中有 {count} 处错误，未导入任何数据。请按报告修改后重新上传。",
        "en": (
            "The file has {count} errors; nothing was imported. Fix them as the report shows and "
            "upload again."
        ),
    },
    "import_unsupported": {
        "zh-CN": "请上传 .xlsx 或 .csv 文件（旧版 .xls 请先另存为 .xlsx）。",
        "en": "Upload an .xlsx or .csv file (save an old .xls as .xlsx first).",
    },
    "import_unreadable": {
        "zh-CN": "无法读取该文件，请用下载的模板填写后另存为 .xlsx 或 .csv。",
        "en": "This file cannot be read; fill in the downloaded template and save it as .xlsx or .csv.",
    },
    "import_empty": {
        "zh-CN": "文件中没有数据：第 1 行应为列标题，从第 2 行起每行一条记录。",
        "en": "The file holds no data: row 1 should hold the headings and each later row one record.",
    },
    "import_too_many_rows": {
        "zh-CN": "一次最多导入 {limit} 行，请分成几个文件。",
        "en": "At most {limit} rows can be imported at once; split the file.",
    },
    "import_missing_columns": {
        "zh-CN": "缺少必填列：{columns}。请使用下载的模板。",
        "en": "Required columns are missing: {columns}. Use the downloaded template.",
    },
    "import_repeated_column": {
        "zh-CN": "列“{column}”出现了不止一次。",
        "en": "The column “{column}” appears more than once.",
    },
    "import.required": {"zh-CN": "必填项。", "en": "Required."},
    "import.bad_int": {"zh-CN": "应为整数。", "en": "Must be a whole number."},
    "import.bad_number": {"zh-CN": "应为数字。", "en": "Must be a number."},
    "import.bad_bool": {"zh-CN": "应填“是”或“否”。", "en": "Must be “yes” or “no”."},
    "import.bad_date": {
        "zh-CN": "日期格式应为 2026-09-01。",
        "en": "Dates are written as 2026-09-01.",
    },
    "import.bad_choice": {
        "zh-CN": "“{value}”不是可选值，可选：{choices}。",
        "en": "“{value}” is not one of the choices: {choices}.",
    },
    "import.duplicate_in_file": {
        "zh-CN": "与第 {row} 行重复。",
        "en": "Repeats row {row}.",
    },
    "import.region_unknown": {
        "zh-CN": "未找到区县“{value}”：请填写本辖区内区县的名称或代码（见模板中的区县表）。",
        "en": (
            "No county “{value}”: write the name or code of a county in your jurisdiction (see the "
            "template's county sheet)."
        ),
    },
    "import.region_ambiguous": {
        "zh-CN": "有多个区县名为“{value}”，请填写区县代码。",
        "en": "Several counties are called “{value}”; write the county code instead.",
    },
    "import.school_unknown": {
        "zh-CN": "未找到学校代码“{value}”（或该校不在您的管辖范围内）。",
        "en": "No school with code “{value}” (or it is outside your jurisdiction).",
    },
    "import.not_your_school": {
        "zh-CN": "只能导入本校的教师。",
        "en": "You can import only your own school's teachers.",
    },
    "import.teacher_exists": {
        "zh-CN": "该校已有同名且入职日期相同的教师。",
        "en": "This school already has a teacher of this name hired on this date.",
    },
    "import.teacher_unknown": {
        "zh-CN": "未找到该教师：请填写教师编号，或填写学校代码并使姓名与教师档案一致。",
        "en": (
            "No such teacher: give the teacher ID, or the school code with the name as on the "
            "teacher's record."
        ),
    },
    "import.teacher_ambiguous": {
        "zh-CN": "该校有多名同名教师，请填写教师编号。",
        "en": "Several teachers of the school have this name; give the teacher ID.",
    },
    "import.teacher_other_school": {
        "zh-CN": "该教师不在所填学校。",
        "en": "This teacher is not at the school given.",
    },
    "import.kind.schools": {"zh-CN": "学校", "en": "Schools"},
    "import.kind.teachers": {"zh-CN": "教师", "en": "Teachers"},
    "import.kind.users": {"zh-CN": "账号", "en": "Accounts"},
    "import.template_name": {"zh-CN": "{kind}导入模板", "en": "{kind} import template"},
    "import.yes": {"zh-CN": "是", "en": "yes"},
    "import.no": {"zh-CN": "否", "en": "no"},
    "import.pick_from_list": {"zh-CN": "请从下拉列表中选择。", "en": "Pick a value from the list."},
    "import.sheet.instructions": {"zh-CN": "填写说明", "en": "Instructions"},
    "import.sheet.counties": {"zh-CN": "区县", "en": "Counties"},
    "import.sheet.schools": {"zh-CN": "学校代码", "en": "School codes"},
    "import.sheet.errors": {"zh-CN": "导入错误", "en": "Import errors"},
    "import.col.column": {"zh-CN": "列", "en": "Column"},
    "import.col.required": {"zh-CN": "必填", "en": "Required"},
    "import.col.format": {"zh-CN": "填写要求", "en": "What to write"},
    "import.col.example": {"zh-CN": "示例", "en": "Example"},
    "import.col.county": {"zh-CN": "区县", "en": "County"},
    "import.col.county_code": {"zh-CN": "区县代码", "en": "County code"},
    "import.col.school_code": {"zh-CN": "学校代码", "en": "School code"},
    "import.col.school_name": {"zh-CN": "学校名称", "en": "School name"},
    "import.col.row": {"zh-CN": "行号", "en": "Row"},
    "import.col.value": {"zh-CN": "填写内容", "en": "Value"},
    "import.col.message": {"zh-CN": "问题", "en": "Problem"},
    "import.guide.dry_run": {
        "zh-CN": (
            "从第 2 行起每行一条记录；带 * 的列必填。上传后先“检查”，"
            "系统会列出每一行每一列的问题且不保存；"
            "全部无误后再“导入”，所有行一次写入，有任何错误则一行也不写入。"
        ),
        "en": (
            "One record per row from row 2; columns marked * are required. Upload and check first: "
            "every row and column problem is listed and nothing is saved. Once all is well, import: "
            "every row is written at once, or none if any row has an error."
        ),
    },
    "import.hint.code": {
        "zh-CN": "全局唯一，仅限字母、数字、- 和 _。",
        "en": "Unique; letters, digits, - and _ only.",
    },
    "import.hint.region": {
        "zh-CN": "区县名称或代码，见“区县”表。",
        "en": "County name or code, as on the Counties sheet.",
    },
    "import.hint.bool": {"zh-CN": "填“是”或“否”，空白为否。", "en": "yes or no; blank means no."},
    "import.hint.school_code": {
        "zh-CN": "教师所在学校的代码，见“学校代码”表；学校管理员可留空（即本校）。",
        "en": (
            "The code of the teacher's school (School codes sheet); school administrators may leave it "
            "blank (their school)."
        ),
    },
    "import.hint.subjects": {
        "zh-CN": "多个学科用顿号、逗号或空格分隔。",
        "en": "Separate several subjects with commas or spaces.",
    },
    "import.hint.hire_date": {
        "zh-CN": "到本校工作的日期（用于计算交流轮岗资格），如 2016-09-01。",
        "en": (
            "The date the teacher joined this school (counts towards rotation eligibility), e.g. 2016-09-01."
        ),
    },
    "import.hint.date": {"zh-CN": "如 1985-03-12。", "en": "e.g. 1985-03-12."},
    "import.hint.username": {
        "zh-CN": "登录名，至少 3 个字符：字母、数字及 _ . @ -。",
        "en": "Sign-in name, at least 3 characters: letters, digits and _ . @ -.",
    },
    "import.hint.password": {
        "zh-CN": "至少 8 个字符；请提醒用户首次登录后修改。",
        "en": "At least 8 characters; ask users to change it after their first sign-in.",
    },
    "import.hint.user_school": {
        "zh-CN": "学校管理员和教师账号填写所属学校代码；教育局账号留空。",
        "en": "For school administrators and teachers, the school's code; blank for bureau accounts.",
    },
    "import.hint.teacher_id": {
        "zh-CN": "教师账号关联的教师编号（见教师列表导出）；留空时按学校代码和姓名匹配。",
        "en": (
            "For teacher accounts, the teacher's ID (from the teacher list export); if blank, matched "
            "by school code and name."
        ),
    },
    "import.hint.locale": {"zh-CN": "空白为中文。", "en": "Blank means Chinese."},
    # Rotation planning: needs, supply, proposals.
    "entity.need": {"zh-CN": "缺编需求", "en": "staffing need"},
    "entity.proposal": {"zh-CN": "轮岗方案", "en": "rotation plan"},
    "entity.unavailability": {"zh-CN": "不可交流记录", "en": "unavailability record"},
    "need_school_required": {"zh-CN": "请选择提出需求的学校。", "en": "Choose the school the need is for."},
    "need_own_school_only": {
        "zh-CN": "只能登记或修改本校的缺编需求。",
        "en": "You can record or change only your own school's staffing needs.",
    },
    "need_below_filled": {
        "zh-CN": "已为该需求安排 {filled} 名教师，需求人数不能少于此数。",
        "en": "{filled} teachers are already placed for this need; the count cannot go below that.",
    },
    "need_has_rotations": {
        "zh-CN": "已有交流安排按此需求创建，不能删除；可改小需求人数。",
        "en": "Rotations were created for this need, so it cannot be deleted; lower its count instead.",
    },
    "teacher_already_unavailable": {
        "zh-CN": "该教师在本学年已标记为不可交流。",
        "en": "This teacher is already marked unavailable for the school year.",
    },
    "planning_county_only": {
        "zh-CN": "轮岗方案按区县编制，请选择一个区县。",
        "en": "Rotation plans are made per county; choose a county.",
    },
    "planning_unknown_assignment": {
        "zh-CN": "方案只能安排本方案中的教师和需求。",
        "en": "A plan can place only the teachers and needs of the proposal.",
    },
    "proposal_accepted": {
        "zh-CN": "该方案已采纳，不能再修改。",
        "en": "This plan has been accepted and can no longer change.",
    },
    "proposal_empty": {
        "zh-CN": "方案中没有任何安排，无可采纳。",
        "en": "The plan places nobody; there is nothing to accept.",
    },
    "proposal_conflicts": {
        "zh-CN": "方案有 {count} 处与当前数据冲突，未创建任何交流安排。",
        "en": "The plan has {count} conflicts with the data as it is now; no rotation was created.",
    },
    "planning.reason.no_candidate_subject": {
        "zh-CN": "本县支援学校中没有任教该学科的可交流教师。",
        "en": "No eligible teacher of the county's supporting schools teaches this subject.",
    },
    "planning.reason.no_candidate_stage": {
        "zh-CN": "有任教该学科的教师，但学段不符。",
        "en": "Teachers of the subject exist, but none at this stage.",
    },
    "planning.reason.candidates_unavailable": {
        "zh-CN": "符合条件的教师均已被学校标记为本学年不可交流。",
        "en": "Every suitable teacher is marked unavailable for the year by their school.",
    },
    "planning.reason.too_few_candidates": {
        "zh-CN": "符合条件的教师人数不足，已全部安排到此需求。",
        "en": "Too few suitable teachers: all of them are placed on this need.",
    },
    "planning.reason.candidates_used_elsewhere": {
        "zh-CN": "符合条件的教师已安排到其他需求（其他需求更紧急或更利于完成交流比例）。",
        "en": "The suitable teachers are placed on other needs (more urgent, or needed for the quotas).",
    },
    "planning.reason.candidates_free": {
        "zh-CN": "仍有符合条件的教师未安排，可手动安排。",
        "en": "A suitable teacher is still free; place them by hand.",
    },
    "planning.problem.unknown_teacher": {
        "zh-CN": "教师 {teacher} 不在本方案中。",
        "en": "Teacher {teacher} is not part of this plan.",
    },
    "planning.problem.unknown_need": {
        "zh-CN": "需求 {need} 不在本方案中。",
        "en": "Need {need} is not part of this plan.",
    },
    "planning.problem.teacher_unavailable": {
        "zh-CN": "{teacher} 已被学校标记为本学年不可交流。",
        "en": "{teacher} is marked unavailable for the year.",
    },
    "planning.problem.teacher_used_twice": {
        "zh-CN": "{teacher} 被安排了不止一次。",
        "en": "{teacher} is placed more than once.",
    },
    "planning.problem.need_over_count": {
        "zh-CN": "“{need}”需求安排的教师多于所需人数。",
        "en": "The “{need}” need has more teachers than it asked for.",
    },
    "planning.problem.subject_mismatch": {
        "zh-CN": "{teacher} 不任教“{need}”。",
        "en": "{teacher} does not teach “{need}”.",
    },
    "planning.problem.stage_mismatch": {
        "zh-CN": "{teacher} 的学段与“{need}”需求不符。",
        "en": "{teacher}'s stage does not match the “{need}” need.",
    },
    "planning.problem.own_school": {
        "zh-CN": "{teacher} 不能交流到本校。",
        "en": "{teacher} cannot rotate to their own school.",
    },
    "planning.conflict.need_gone": {
        "zh-CN": "{school} 的该需求已被删除。",
        "en": "This need of {school} has been deleted.",
    },
    "planning.conflict.need_filled": {
        "zh-CN": "{school} 的该需求已另行安排满员。",
        "en": "This need of {school} has been filled meanwhile.",
    },
    "planning.conflict.teacher_moved": {
        "zh-CN": "{teacher} 已调离原学校。",
        "en": "{teacher} has moved to another school.",
    },
    "planning.conflict.teacher_busy": {
        "zh-CN": "{teacher} 在该时段已有其他交流安排。",
        "en": "{teacher} already has a rotation in this period.",
    },
}


def negotiate(accept_language: str | None) -> str:
    """Pick zh-CN or en from an Accept-Language header (quality values honoured)."""
    if not accept_language:
        return "zh-CN"
    ranked: list[tuple[float, str]] = []
    for part in accept_language.split(","):
        lang, _, q = part.strip().partition(";q=")
        try:
            weight = float(q) if q else 1.0
        except ValueError:
            weight = 0.0
        ranked.append((weight, lang.strip().lower()))
    for _, lang in sorted(ranked, key=lambda r: -r[0]):
        if lang.startswith("zh"):
            return "zh-CN"
        if lang.startswith("en"):
            return "en"
    return "zh-CN"


def t(key: str, **params: object) -> str:
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    text = entry.get(current_locale.get()) or entry["zh-CN"]
    localized = {k: (t(v) if isinstance(v, str) and v in MESSAGES else v) for k, v in params.items()}
    return text.format(**localized)


# Field-level validation messages in Chinese, by Pydantic error type (English keeps Pydantic's own).
VALIDATION_ZH: dict[str, str] = {
    "missing": "必填项。",
    "string_too_short": "至少需要 {min_length} 个字符。",
    "string_too_long": "最多 {max_length} 个字符。",
    "string_pattern_mismatch": "格式不正确。",
    "string_type": "应为文本。",
    "int_parsing": "应为整数。",
    "int_type": "应为整数。",
    "float_parsing": "应为数字。",
    "bool_parsing": "应为是或否。",
    "greater_than_equal": "不能小于 {ge}。",
    "less_than_equal": "不能大于 {le}。",
    "greater_than": "必须大于 {gt}。",
    "less_than": "必须小于 {lt}。",
    "enum": "取值无效，可选：{expected}。",
    "literal_error": "取值无效，可选：{expected}。",
    "date_from_datetime_parsing": "日期格式应为 2026-09-01。",
    "date_parsing": "日期格式应为 2026-09-01。",
    "date_type": "日期格式应为 2026-09-01。",
    "value_error": "取值无效：{error}",
    "extra_forbidden": "不允许的字段。",
    "too_long": "最多 {max_length} 项。",
    "list_type": "应为列表。",
    "json_invalid": "JSON 格式无效。",
    "model_attributes_type": "应为对象。",
    "dict_type": "应为对象。",
}


def validation_message(error_type: str, default: str, ctx: dict[str, object] | None) -> str:
    if current_locale.get() != "zh-CN" or error_type not in VALIDATION_ZH:
        return default
    try:
        return VALIDATION_ZH[error_type].format(**(ctx or {}))
    except (KeyError, IndexError):
        return default

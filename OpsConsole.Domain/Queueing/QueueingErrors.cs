namespace OpsConsole.Domain.Queueing;

/// <summary>Stable message keys of the <see cref="Common.DomainException"/>s thrown by queueing; the UI localizes them.</summary>
public static class QueueingErrors
{
    public const string InvalidPrefix = "queue.invalid_prefix";
    public const string InvalidSequence = "ticket.invalid_sequence";
    public const string InvalidTicketNumber = "ticket.invalid_number";
    public const string InvalidCode = "queue.invalid_code";
    public const string InvalidName = "queue.invalid_name";
    public const string InvalidOpeningHours = "queue.invalid_opening_hours";
    public const string InvalidTargetWait = "queue.invalid_target_wait";
    public const string InvalidDailyCap = "queue.invalid_daily_cap";
    public const string ReasonRequired = "queue.reason_required";

    public const string InvalidPublicCode = "ticket.invalid_public_code";
    public const string InvalidIdNumberHash = "ticket.invalid_id_number_hash";
    public const string InvalidServiceItem = "ticket.invalid_service_item";
    public const string InvalidPriority = "ticket.invalid_priority";
    public const string TimeWentBackwards = "ticket.time_went_backwards";
    public const string InvalidWindowOrStaff = "ticket.invalid_window_or_staff";
    public const string NotWaiting = "ticket.not_waiting";
    public const string NotCalled = "ticket.not_called";
    public const string NotServing = "ticket.not_serving";
    public const string NotNoShow = "ticket.not_no_show";
    public const string NotParked = "ticket.not_parked";
    public const string CannotPark = "ticket.cannot_park";
    public const string CannotTransfer = "ticket.cannot_transfer";
    public const string CannotCancel = "ticket.cannot_cancel";
    public const string TransferToSamePlace = "ticket.transfer_to_same_place";
    public const string ReservedForOtherWindow = "ticket.reserved_for_other_window";
    public const string ParkedByOtherWindow = "ticket.parked_by_other_window";
    public const string ReinstateWindowPassed = "ticket.reinstate_window_passed";
    public const string InvalidMaxRecalls = "ticket.invalid_max_recalls";
    public const string NoteTooLong = "ticket.note_too_long";
    public const string NoticeWithoutMaterials = "notice.no_materials";
    public const string NoticeMaterialNotInGuide = "notice.material_not_in_guide";

    public const string InvalidSlot = "appointment.invalid_slot";
    public const string SlotFull = "appointment.slot_full";
    public const string InvalidCapacity = "appointment.invalid_capacity";
    public const string InvalidBookingCode = "appointment.invalid_booking_code";
    public const string InvalidPersonHash = "appointment.invalid_person_hash";
    public const string AppointmentNotBooked = "appointment.not_booked";
    public const string NoShowBeforeCheckInClosed = "appointment.no_show_before_check_in_closed";
    public const string WrongSlot = "appointment.wrong_slot";

    public const string EvaluatedTicketNotCompleted = "evaluation.ticket_not_completed";
    public const string ReasonsRequiredWhenBad = "evaluation.reasons_required";
    public const string ReasonsOnlyWhenBad = "evaluation.reasons_only_when_bad";
    public const string CommentTooLong = "evaluation.comment_too_long";
    public const string RectificationClosed = "rectification.already_closed";
    public const string SummaryRequired = "rectification.summary_required";
    public const string CallbackRequired = "rectification.callback_required";
    public const string CallbackFirst = "rectification.callback_first";
    public const string AppealReasonRequired = "rectification.appeal_reason_required";
    public const string AppealAlreadyMade = "rectification.appeal_already_made";
    public const string NoPendingAppeal = "rectification.no_pending_appeal";
}

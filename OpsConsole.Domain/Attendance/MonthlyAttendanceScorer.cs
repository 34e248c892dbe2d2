using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Attendance;

/// <summary>
/// Everything needed to score one staff member's month. Items of other staff or other months are
/// ignored, so callers may pass wider lists; only approved make-ups, leave and official absences count.
/// </summary>
public sealed record MonthAttendanceInput
{
    public required int StaffId { get; init; }
    public int? DepartmentId { get; init; }
    public required YearMonth Month { get; init; }
    public required WorkCalendar Calendar { get; init; }
    public required ScheduleResolver Schedules { get; init; }
    /// <summary>The version in force for the month (<see cref="RuleSetSelector.ForMonth"/>).</summary>
    public required AttendanceRuleSet RuleSet { get; init; }
    public IReadOnlyList<Punch> Punches { get; init; } = [];
    public IReadOnlyList<MakeUpPunchRequest> MakeUps { get; init; } = [];
    public IReadOnlyList<LeaveRecord> Leaves { get; init; } = [];
    public IReadOnlyList<OfficialAbsenceRecord> OfficialAbsences { get; init; } = [];
    /// <summary>Last day to judge (for a month in progress); later days are <see cref="HalfDayStatus.NotYetDue"/>. Null judges the whole month.</summary>
    public DateOnly? ScoreThrough { get; init; }
    /// <summary>Whether the person was posted on a day (入驻 to 离驻); other days are <see cref="HalfDayStatus.NotPosted"/>. Null: posted every day.</summary>
    public Func<DateOnly, bool>? IsPosted { get; init; }
}

/// <summary>
/// Turns a month of punches into per-half-day classifications, totals and deduction lines. A pure
/// function: no clock, no I/O, and safe to run for many staff in parallel.
/// </summary>
public static class MonthlyAttendanceScorer
{
    /// <exception cref="DomainException">The rule set only comes into force after the month.</exception>
    public static MonthAttendance Score(MonthAttendanceInput input)
    {
        var month = input.Month;
        if (input.RuleSet.EffectiveFrom > month.FirstDay) throw new DomainException("attendance.rules.not-in-force");
        var run = new Run(input);

        var punchesByDay = new List<Punch>?[month.DaysInMonth];
        foreach (var punch in input.Punches)
        {
            if (punch.StaffId != input.StaffId || !month.Contains(punch.Day)) continue;
            (punchesByDay[punch.Day.Day - 1] ??= []).Add(punch);
        }

        var days = new List<DayAttendance>(month.DaysInMonth);
        foreach (var day in month.Days())
        {
            var punches = punchesByDay[day.Day - 1] is { } list
                ? list.OrderBy(p => p.Time).ThenBy(p => p.Id).ToList()
                : (IReadOnlyList<Punch>)[];
            days.Add(run.Judge(day, punches));
        }

        var gross = run.Lines.Sum(l => l.Points);
        var cap = input.RuleSet.Rules.MonthlyDeductionCap;
        var capped = cap is { } c && gross > c;
        return new MonthAttendance(
            input.StaffId, month, input.RuleSet.Version, days, run.Totals(), run.Lines,
            gross, capped ? cap!.Value : gross, capped ? AttendanceText.ExplainCap(gross, cap!.Value) : null,
            run.Unused);
    }

    private sealed class Run(MonthAttendanceInput input)
    {
        private readonly AttendanceRuleValues _rules = input.RuleSet.Rules;
        private readonly Dictionary<(DateOnly, PunchSlot), MakeUpPunchRequest> _makeUps = input.MakeUps
            .Where(m => m.StaffId == input.StaffId && m.IsApproved && input.Month.Contains(m.Date))
            .GroupBy(m => (m.Date, m.Slot))
            .ToDictionary(g => g.Key, g => g.First());
        private readonly List<LeaveRecord> _leaves = input.Leaves
            .Where(l => l.StaffId == input.StaffId && l.IsApproved && l.Period.Overlaps(HalfDayRange.Days(input.Month.FirstDay, input.Month.LastDay)))
            .ToList();
        private readonly List<OfficialAbsenceRecord> _official = input.OfficialAbsences
            .Where(o => o.StaffId == input.StaffId && o.IsApproved && o.Period.Overlaps(HalfDayRange.Days(input.Month.FirstDay, input.Month.LastDay)))
            .ToList();

        public List<DeductionLine> Lines { get; } = [];
        public List<UnusedPunch> Unused { get; } = [];

        private int _workdayHalves, _normal, _late, _lateMinutes, _early, _earlyMinutes, _missing, _absence, _leave, _officialHalves, _makeUpsUsed;

        public AttendanceTotals Totals() => new(_workdayHalves, _normal, _late, _lateMinutes, _early, _earlyMinutes,
            _missing, _absence, _leave, _officialHalves, _makeUpsUsed);

        public DayAttendance Judge(DateOnly day, IReadOnlyList<Punch> punches)
        {
            var kind = input.Calendar.KindOf(day);
            var calendarName = input.Calendar.EntryFor(day)?.Name is { Length: > 0 } name ? name : null;
            if (kind != DayKind.Workday)
            {
                foreach (var punch in punches) Unused.Add(new UnusedPunch(punch, UnusedPunchReason.NotAWorkday));
                var status = kind == DayKind.Holiday ? HalfDayStatus.Holiday : HalfDayStatus.RestDay;
                return new DayAttendance(day, kind, calendarName, null,
                    DayOff(day, HalfDay.Morning, status), DayOff(day, HalfDay.Afternoon, status), punches);
            }

            var schedule = input.Schedules.For(input.DepartmentId, day);
            var chosen = new Punch?[4];
            foreach (var punch in punches)
            {
                if (schedule.SlotOf(punch.Minute) is not { } slot)
                    Unused.Add(new UnusedPunch(punch, UnusedPunchReason.OutsideWindows));
                else if (slot.IsIn()) chosen[(int)slot] ??= punch; // first arrival counts
                else chosen[(int)slot] = punch;                    // last departure counts
            }

            return new DayAttendance(day, kind, calendarName, schedule,
                JudgeHalf(day, HalfDay.Morning, schedule, chosen), JudgeHalf(day, HalfDay.Afternoon, schedule, chosen), punches);
        }

        private static HalfDayAttendance DayOff(DateOnly day, HalfDay half, HalfDayStatus status) =>
            new(day, half, status, null, null, null, null, 0);

        private HalfDayAttendance JudgeHalf(DateOnly day, HalfDay half, WorkSchedule schedule, Punch?[] chosen)
        {
            var inSlot = Effective(day, half.InSlot(), schedule, chosen);
            var outSlot = Effective(day, half.OutSlot(), schedule, chosen);

            if (input.ScoreThrough is { } through && day > through)
                return Excused(HalfDayStatus.NotYetDue, null, null);
            if (input.IsPosted is { } posted && !posted(day))
                return Excused(HalfDayStatus.NotPosted, null, null);

            var leave = _leaves.FirstOrDefault(l => l.Period.Covers(day, half));
            if (leave is not null)
            {
                _leave++;
                _workdayHalves++;
                return Excused(HalfDayStatus.OnLeave, leave.Kind, null);
            }
            var official = _official.FirstOrDefault(o => o.Period.Covers(day, half));
            if (official is not null)
            {
                _officialHalves++;
                _workdayHalves++;
                return Excused(HalfDayStatus.OfficialAbsence, null, official.Kind);
            }

            _workdayHalves++;
            if (inSlot.Source == PunchSource.MakeUp) _makeUpsUsed++;
            if (outSlot.Source == PunchSource.MakeUp) _makeUpsUsed++;
            var linesBefore = Lines.Count;
            var status = Classify(day, half, inSlot, outSlot);
            var deduction = 0m;
            for (var i = linesBefore; i < Lines.Count; i++) deduction += Lines[i].Points;
            return new HalfDayAttendance(day, half, status, inSlot, outSlot, null, null, deduction);

            HalfDayAttendance Excused(HalfDayStatus status, LeaveKind? leaveKind, OfficialAbsenceKind? officialKind) =>
                new(day, half, status, inSlot with { Outcome = SlotOutcome.NotScored, Minutes = 0 },
                    outSlot with { Outcome = SlotOutcome.NotScored, Minutes = 0 }, leaveKind, officialKind, 0);
        }

        private HalfDayStatus Classify(DateOnly day, HalfDay half, SlotResult inSlot, SlotResult outSlot)
        {
            if (inSlot.Outcome == SlotOutcome.Missing && outSlot.Outcome == SlotOutcome.Missing)
            {
                _absence++;
                AddLine(day, half, null, DeductionReason.BothPunchesMissing, _rules.HalfDayAbsencePoints,
                    AttendanceText.ExplainBothMissing(day, half, _rules.HalfDayAbsencePoints));
                return HalfDayStatus.HalfDayAbsence;
            }
            // Over the last threshold the half-day is an absence; the other slot's faults are absorbed by it.
            if (inSlot.Outcome == SlotOutcome.Late && inSlot.Minutes > _rules.LateMajorMaxMinutes)
            {
                _absence++;
                AddTimedLine(day, half, inSlot, DeductionReason.LateAsAbsence, _rules.HalfDayAbsencePoints);
                return HalfDayStatus.HalfDayAbsence;
            }
            if (outSlot.Outcome == SlotOutcome.EarlyLeave && outSlot.Minutes > _rules.EarlyMajorMaxMinutes)
            {
                _absence++;
                AddTimedLine(day, half, outSlot, DeductionReason.EarlyLeaveAsAbsence, _rules.HalfDayAbsencePoints);
                return HalfDayStatus.HalfDayAbsence;
            }

            var missing = false;
            var late = false;
            var early = false;
            foreach (var slot in (SlotResult[])[inSlot, outSlot])
            {
                switch (slot.Outcome)
                {
                    case SlotOutcome.Missing:
                        missing = true;
                        _missing++;
                        AddLine(day, half, slot, DeductionReason.MissingPunch, _rules.MissingPunchPoints,
                            AttendanceText.ExplainMissing(day, half, slot.Slot, _rules.MissingPunchPoints));
                        break;
                    case SlotOutcome.Late:
                        late = true;
                        _late++;
                        _lateMinutes += slot.Minutes;
                        var minorLate = slot.Minutes <= _rules.LateMinorMaxMinutes;
                        AddTimedLine(day, half, slot, minorLate ? DeductionReason.LateMinor : DeductionReason.LateMajor,
                            minorLate ? _rules.LateMinorPoints : _rules.LateMajorPoints);
                        break;
                    case SlotOutcome.EarlyLeave:
                        early = true;
                        _early++;
                        _earlyMinutes += slot.Minutes;
                        var minorEarly = slot.Minutes <= _rules.EarlyMinorMaxMinutes;
                        AddTimedLine(day, half, slot, minorEarly ? DeductionReason.EarlyLeaveMinor : DeductionReason.EarlyLeaveMajor,
                            minorEarly ? _rules.EarlyMinorPoints : _rules.EarlyMajorPoints);
                        break;
                }
            }
            if (missing) return HalfDayStatus.MissingPunch;
            if (late) return HalfDayStatus.Late;
            if (early) return HalfDayStatus.EarlyLeave;
            _normal++;
            return HalfDayStatus.Normal;
        }

        /// <summary>The punch that counts for a slot: the real one, or an approved make-up at the on-time bound if that is better.</summary>
        private SlotResult Effective(DateOnly day, PunchSlot slot, WorkSchedule schedule, Punch?[] chosen)
        {
            var onTime = schedule.Window(slot).OnTime;
            var punch = chosen[(int)slot];
            var makeUp = _makeUps.GetValueOrDefault((day, slot));
            var useMakeUp = makeUp is not null &&
                (punch is null || (slot.IsIn() ? onTime < punch.Minute : onTime > punch.Minute));
            if (useMakeUp) return new SlotResult(slot, onTime, PunchSource.MakeUp, onTime, null, makeUp, SlotOutcome.OnTime, 0);
            if (punch is null) return new SlotResult(slot, onTime, PunchSource.None, null, null, null, SlotOutcome.Missing, 0);

            // Not TimeOnly subtraction: it wraps around midnight (08:40 − 09:00 is 23:40).
            var minutesAfter = (int)((punch.Minute.Ticks - onTime.Ticks) / TimeSpan.TicksPerMinute);
            var minutes = slot.IsIn() ? minutesAfter : -minutesAfter;
            var outcome = minutes <= 0 ? SlotOutcome.OnTime : slot.IsIn() ? SlotOutcome.Late : SlotOutcome.EarlyLeave;
            return new SlotResult(slot, onTime, PunchSource.Terminal, punch.Minute, punch, null, outcome, Math.Max(minutes, 0));
        }

        private void AddTimedLine(DateOnly day, HalfDay half, SlotResult slot, DeductionReason reason, decimal points) =>
            AddLine(day, half, slot, reason, points,
                AttendanceText.Explain(reason, day, half, slot.Time!.Value, slot.Minutes, points, _rules));

        // A rule set may price an occurrence at zero: it is still counted and marked, but deducts nothing.
        private void AddLine(DateOnly day, HalfDay half, SlotResult? slot, DeductionReason reason, decimal points, string explanation)
        {
            if (points <= 0) return;
            Lines.Add(new DeductionLine(day, half, slot?.Slot, slot?.Time, slot?.Punch?.Id, reason, slot?.Minutes ?? 0,
                points, explanation));
        }
    }
}

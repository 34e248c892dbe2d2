using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Queueing;

namespace OpsConsole.Components.Pages.Counter;

/// <summary>What the workstation's buttons and F-keys do.</summary>
public enum CounterAction { CallNext, Recall, Start, Complete, NoShow, Park, Transfer, PauseOrResume }

/// <summary>A button of the workstation: its shortcut, label (localization key), icon and colour.</summary>
public sealed record CounterButton(CounterAction Action, string Key, string Label, string Icon, string Tone);

/// <summary>Which actions make sense in the window's current state, and the key of each.</summary>
public static class CounterActionRules
{
    public static readonly IReadOnlyList<CounterButton> Buttons =
    [
        new(CounterAction.CallNext, "F1", "呼叫下一位", "megaphone", "primary"),
        new(CounterAction.Recall, "F2", "重呼", "arrow-repeat", "outline-primary"),
        new(CounterAction.Start, "F3", "开始办理", "play-circle", "outline-success"),
        new(CounterAction.Complete, "F4", "办结", "check2-circle", "success"),
        new(CounterAction.NoShow, "F6", "过号", "person-x", "outline-danger"),
        new(CounterAction.Park, "F7", "挂起", "pause-circle", "outline-secondary"),
        new(CounterAction.Transfer, "F8", "转移", "arrow-left-right", "outline-secondary"),
        new(CounterAction.PauseOrResume, "F9", "暂停服务", "cup-hot", "outline-warning"),
    ];

    public static CounterAction? ByKey(string key) => Buttons.FirstOrDefault(b => b.Key == key)?.Action;

    /// <summary>Whether <paramref name="action"/> makes sense now. <paramref name="waiting"/>: tickets this window could call.</summary>
    public static bool Can(CounterAction action, QueueQueries.CounterView view, int waiting)
    {
        var state = view.Session.State;
        var ticket = view.Current?.State;
        return action switch
        {
            CounterAction.CallNext => state == WindowState.Idle && waiting > 0,
            CounterAction.Recall or CounterAction.Start or CounterAction.NoShow => ticket == TicketState.Called,
            CounterAction.Complete or CounterAction.Park or CounterAction.Transfer => ticket is TicketState.Called or TicketState.Serving,
            CounterAction.PauseOrResume => state is WindowState.Idle or WindowState.Paused,
            _ => false,
        };
    }
}

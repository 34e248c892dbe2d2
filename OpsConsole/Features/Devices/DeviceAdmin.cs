using Microsoft.EntityFrameworkCore;
using OpsConsole.Auth.Devices;
using OpsConsole.Data;
using OpsConsole.Features.Common;
using OpsConsole.Realtime;

namespace OpsConsole.Features.Devices;

/// <summary>Registers hall devices (the token is shown once), lists them and revokes them.</summary>
public sealed class DeviceAdmin(IDbContextFactory<OpsDbContext> dbFactory, TimeProvider clock, HallEvents events)
{
    public sealed record DeviceRow(int Id, string Name, DeviceKind Kind, int? WindowNumber, string? TerminalId,
        string TokenHint, DateTimeOffset CreatedAt, DateTimeOffset? LastSeenAt, DateTimeOffset? RevokedAt);

    public async Task<IReadOnlyList<DeviceRow>> ListAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Set<Device>().AsNoTracking().OrderBy(d => d.Kind).ThenBy(d => d.Name)
            .Select(d => new DeviceRow(d.Id, d.Name, d.Kind, d.Window == null ? null : d.Window.Number, d.TerminalId, d.TokenHint,
                d.CreatedAt, d.LastSeenAt, d.RevokedAt))
            .ToListAsync();
    }

    public sealed class NewDevice
    {
        public string Name { get; set; } = "";
        public DeviceKind Kind { get; set; }
        public int? WindowId { get; set; }
        public string? TerminalId { get; set; }
    }

    /// <summary>Registers a device and returns its token: shown once, only its hash is kept.</summary>
    public async Task<(OpResult Result, string? Token)> RegisterAsync(NewDevice input)
    {
        var check = new InputCheck()
            .Required(nameof(NewDevice.Name), "设备名称", input.Name, Device.NameMaxLength)
            .That(!Device.NeedsWindow(input.Kind) || input.WindowId is not null, nameof(NewDevice.WindowId), "窗口屏、评价器和叫号器必须绑定窗口。")
            .That(input.Kind != DeviceKind.ClockTerminal || !string.IsNullOrWhiteSpace(input.TerminalId), nameof(NewDevice.TerminalId), "考勤机必须填写设备号。")
            .Optional(nameof(NewDevice.TerminalId), "设备号", input.TerminalId, 40);
        if (!check.Ok) return (check.First, null);
        await using var db = await dbFactory.CreateDbContextAsync();
        var name = input.Name.Trim();
        if (await db.Set<Device>().AnyAsync(d => d.Name == name)) return (OpResult.FailOn(nameof(NewDevice.Name), "设备名称 {0} 已存在。", name), null);
        if (input.WindowId is { } wid && !await db.Windows.AnyAsync(w => w.Id == wid)) return (OpResult.Fail("窗口不存在或已停用。"), null);
        var token = DeviceTokens.Generate();
        db.Add(new Device
        {
            Name = name, Kind = input.Kind, TokenHash = DeviceTokens.Hash(token), TokenHint = DeviceTokens.Hint(token),
            WindowId = Device.NeedsWindow(input.Kind) ? input.WindowId : null,
            TerminalId = input.Kind == DeviceKind.ClockTerminal ? input.TerminalId?.Trim() : null,
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
        return (OpResult.Ok, token);
    }

    /// <summary>Revokes a device: its next request is refused (401); its display connections close at once and its pages show 设备已停用.</summary>
    public async Task<OpResult> RevokeAsync(int id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var device = await db.Set<Device>().FirstOrDefaultAsync(d => d.Id == id);
        if (device is null) return OpResult.Fail("设备不存在。");
        if (device.IsRevoked) return OpResult.Ok;
        device.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync();
        await events.PublishAsync(new DeviceRevoked(device.RevokedAt.Value, device.Id));
        return OpResult.Ok;
    }
}

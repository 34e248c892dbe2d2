using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OpsConsole.Domain.Queueing;

namespace OpsConsole.Data;

/// <summary>A queue prefix is stored as its letters ("A", "BD"), so the column sorts like the value.</summary>
public sealed class QueuePrefixConverter() : ValueConverter<QueuePrefix, string>(
    v => v.Value, v => new QueuePrefix(v));

/// <summary>In JSON (the audit log's details) a queue prefix is its letters, as when it was a single char.</summary>
public sealed class QueuePrefixJsonConverter : JsonConverter<QueuePrefix>
{
    public override QueuePrefix Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString() ?? "");

    public override void Write(Utf8JsonWriter writer, QueuePrefix value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}

using OpsConsole.Domain.Common;
using OpsConsole.Domain.Queueing;
using Xunit;

namespace OpsConsole.Tests.Domain.Queueing;

public class TicketNumberTests
{
    [Theory]
    [InlineData('A', 1, "A001")]
    [InlineData('B', 42, "B042")]
    [InlineData('Z', 999, "Z999")]
    [InlineData('A', 1000, "A1000")]
    [InlineData('A', 99999, "A99999")]
    public void FormatsThreeDigitsGrowingPast999(char prefix, int sequence, string expected)
    {
        var number = new TicketNumber(prefix, sequence);

        Assert.Equal(expected, number.ToString());
        Assert.True(expected.Length <= TicketNumber.MaxLength);
        Assert.Equal(number, TicketNumber.Parse(expected));
    }

    [Fact]
    public void ParsesLowerCasePrefix() => Assert.Equal(new TicketNumber('C', 7), TicketNumber.Parse("c007"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("A1")]
    [InlineData("A01")]
    [InlineData("A000")]
    [InlineData("A0999")]
    [InlineData("1001")]
    [InlineData("A12B")]
    [InlineData("A100000")]
    [InlineData("Ä001")]
    public void RefusesNonCanonicalText(string? text)
    {
        Assert.False(TicketNumber.TryParse(text, out _));
        if (text is not null) Assert.Throws<DomainException>(() => TicketNumber.Parse(text));
    }

    [Theory]
    [InlineData('a', 1)]
    [InlineData('1', 1)]
    [InlineData('A', 0)]
    [InlineData('A', 100000)]
    public void RefusesInvalidPrefixOrSequence(char prefix, int sequence) =>
        Assert.Throws<DomainException>(() => new TicketNumber(prefix, sequence));
}

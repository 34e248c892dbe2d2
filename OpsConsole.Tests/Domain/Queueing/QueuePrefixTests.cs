using OpsConsole.Domain.Common;
using OpsConsole.Domain.Queueing;
using Xunit;

namespace OpsConsole.Tests.Domain.Queueing;

public class QueuePrefixTests
{
    [Theory]
    [InlineData("A")]
    [InlineData("Z")]
    [InlineData("BD")]
    [InlineData("ZZ")]
    public void AcceptsOneOrTwoUpperCaseLetters(string value) =>
        Assert.Equal(value, new QueuePrefix(value).ToString());

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("bd")]
    [InlineData("Bd")]
    [InlineData("ABC")]
    [InlineData("A1")]
    [InlineData("1")]
    [InlineData(" A")]
    [InlineData("A ")]
    [InlineData("-")]
    [InlineData("Ä")]
    [InlineData("Ａ")]
    [InlineData("甲")]
    public void RefusesAnythingElseWithTheDomainKey(string? value)
    {
        Assert.False(QueuePrefix.IsValid(value));
        var refused = Assert.Throws<DomainException>(() => new QueuePrefix(value!));
        Assert.Equal(QueueingErrors.InvalidPrefix, refused.Message);
    }

    [Theory]
    [InlineData("bd", "BD")]
    [InlineData(" Bd ", "BD")]
    [InlineData("a", "A")]
    public void ParsesWhatAPersonTypedTrimmedAndUpperCased(string typed, string expected) =>
        Assert.Equal(new QueuePrefix(expected), QueuePrefix.Parse(typed));

    [Theory]
    [InlineData("ı")]
    [InlineData("ABC")]
    [InlineData("B D")]
    [InlineData("  ")]
    public void ParsingRefusesWhatIsNotOneOrTwoLetters(string typed)
    {
        Assert.False(QueuePrefix.TryParse(typed, out _));
        Assert.Throws<DomainException>(() => QueuePrefix.Parse(typed));
    }

    [Fact]
    public void SortsLikeADictionary()
    {
        var sorted = new[] { "C", "BD", "AA", "B", "Z", "A", "BA" }.Select(p => new QueuePrefix(p)).Order().Select(p => p.Value);

        Assert.Equal(["A", "AA", "B", "BA", "BD", "C", "Z"], sorted);
        Assert.True(new QueuePrefix("B") < new QueuePrefix("BD"));
        Assert.True(new QueuePrefix("BD") < new QueuePrefix("C"));
    }

    [Fact]
    public void EqualsByLetters() => Assert.Equal(new QueuePrefix("BD"), QueuePrefix.Parse("bd"));
}

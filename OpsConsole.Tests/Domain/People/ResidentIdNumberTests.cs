using OpsConsole.Domain.Common;
using OpsConsole.Domain.People;

namespace OpsConsole.Tests.Domain.People;

public class ResidentIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    [Theory]
    [InlineData("11010519491231002X", "1949-12-31", false)] // the standard's own example
    [InlineData("11010519491231002x", "1949-12-31", false)]
    [InlineData("440524198001010013", "1980-01-01", true)]
    [InlineData("371302199001050021", "1990-01-05", false)]
    [InlineData(" 3713 0219 9001 0500 21 ", "1990-01-05", false)]
    public void ValidNumbersParseWithTheirBirthDate(string input, string birth, bool male)
    {
        var id = ResidentIdNumber.Parse(input, Today);
        Assert.Equal((DateOnly.Parse(birth), male), (id.BirthDate, id.IsMale));
        Assert.Equal(18, id.Value.Length);
    }

    [Theory]
    [InlineData("371302199001050022", IdNumberErrors.Checksum)]
    [InlineData("37130219900101002", IdNumberErrors.Format)]
    [InlineData("3713021990010100AB", IdNumberErrors.Format)]
    [InlineData("991302199001010021", IdNumberErrors.Region)]
    [InlineData("371302199002300021", IdNumberErrors.BirthDate)]
    [InlineData("371302203001010021", IdNumberErrors.BirthDate)]
    [InlineData("440524188001010014", IdNumberErrors.BirthDate)]
    [InlineData("", IdNumberErrors.Format)]
    public void WrongNumbersSayWhatIsWrong(string input, string error)
    {
        Assert.False(ResidentIdNumber.TryParse(input, Today, out var id, out var why));
        Assert.Null(id);
        Assert.Equal(error, why);
        Assert.Equal(error, Assert.Throws<DomainException>(() => ResidentIdNumber.Parse(input, Today)).Message);
    }

    [Fact]
    public void ANumberIsShownMaskedKeepingTheFirstAndLastFour()
    {
        Assert.Equal("3713**********0021", ResidentIdNumber.Parse("371302199001050021", Today).Masked);
    }
}

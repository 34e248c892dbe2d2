using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpsConsole.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AwardRuleVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AwardRuleVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TopN = table.Column<int>(type: "INTEGER", nullable: false),
                    MinScore = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    VetoBars = table.Column<bool>(type: "INTEGER", nullable: false),
                    HasComposite = table.Column<bool>(type: "INTEGER", nullable: false),
                    WindowWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    StaffWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    DutyVoteWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    PublicVoteWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardRuleVersions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AwardRuleVersions_Code_Year_Month",
                table: "AwardRuleVersions",
                columns: new[] { "Code", "Year", "Month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AwardRuleVersions");
        }
    }
}

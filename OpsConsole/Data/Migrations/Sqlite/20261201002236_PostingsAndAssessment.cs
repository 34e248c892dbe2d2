using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpsConsole.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PostingsAndAssessment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssessmentMonths",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    AppealDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastChangedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentMonths", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentSchemes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    BaseScore = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    BonusCap = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    Floor = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: true),
                    ChiefShare = table.Column<decimal>(type: "TEXT", precision: 4, scale: 3, nullable: false),
                    AppealWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemsJson = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentSchemes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ManualAssessmentItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Points = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    EnteredBy = table.Column<int>(type: "INTEGER", nullable: false),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ManualAssessmentItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PostingImports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RawText = table.Column<string>(type: "TEXT", nullable: false),
                    Accepted = table.Column<int>(type: "INTEGER", nullable: false),
                    Refused = table.Column<int>(type: "INTEGER", nullable: false),
                    Report = table.Column<string>(type: "TEXT", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostingImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Postings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StaffId = table.Column<int>(type: "INTEGER", nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Windows = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Postings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Postings_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Postings_Staff_StaffId",
                        column: x => x.StaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentAppeals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssessmentMonthId = table.Column<int>(type: "INTEGER", nullable: false),
                    StaffId = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SourceType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    LinePoints = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    EvidenceFileId = table.Column<long>(type: "INTEGER", nullable: true),
                    FiledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChiefComment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NewPoints = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DecidedBy = table.Column<int>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentAppeals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentAppeals_AssessmentMonths_AssessmentMonthId",
                        column: x => x.AssessmentMonthId,
                        principalTable: "AssessmentMonths",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessmentAppeals_Staff_StaffId",
                        column: x => x.StaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentMonthEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssessmentMonthId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorStaffId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentMonthEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentMonthEvents_AssessmentMonths_AssessmentMonthId",
                        column: x => x.AssessmentMonthId,
                        principalTable: "AssessmentMonths",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentScores",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssessmentMonthId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    DaysPosted = table.Column<int>(type: "INTEGER", nullable: false),
                    Base = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    Vetoed = table.Column<bool>(type: "INTEGER", nullable: false),
                    FloorApplied = table.Column<bool>(type: "INTEGER", nullable: false),
                    LinesJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentScores_AssessmentMonths_AssessmentMonthId",
                        column: x => x.AssessmentMonthId,
                        principalTable: "AssessmentMonths",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentAppeals_AssessmentMonthId_StaffId",
                table: "AssessmentAppeals",
                columns: new[] { "AssessmentMonthId", "StaffId" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentAppeals_StaffId",
                table: "AssessmentAppeals",
                column: "StaffId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentMonthEvents_AssessmentMonthId",
                table: "AssessmentMonthEvents",
                column: "AssessmentMonthId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentMonths_Year_Month",
                table: "AssessmentMonths",
                columns: new[] { "Year", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentSchemes_Year_Month",
                table: "AssessmentSchemes",
                columns: new[] { "Year", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentScores_AssessmentMonthId_Version_Subject_SubjectId",
                table: "AssessmentScores",
                columns: new[] { "AssessmentMonthId", "Version", "Subject", "SubjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ManualAssessmentItems_Date",
                table: "ManualAssessmentItems",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_PostingImports_ImportedAt",
                table: "PostingImports",
                column: "ImportedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Postings_DepartmentId",
                table: "Postings",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Postings_StaffId_From",
                table: "Postings",
                columns: new[] { "StaffId", "From" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentAppeals");

            migrationBuilder.DropTable(
                name: "AssessmentMonthEvents");

            migrationBuilder.DropTable(
                name: "AssessmentSchemes");

            migrationBuilder.DropTable(
                name: "AssessmentScores");

            migrationBuilder.DropTable(
                name: "ManualAssessmentItems");

            migrationBuilder.DropTable(
                name: "PostingImports");

            migrationBuilder.DropTable(
                name: "Postings");

            migrationBuilder.DropTable(
                name: "AssessmentMonths");
        }
    }
}

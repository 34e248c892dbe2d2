using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpsConsole.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CasesBoardTransferAndRatingExport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "Rectifications",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "RatingDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Adapter = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Records = table.Column<int>(type: "int", nullable: false),
                    FirstExportId = table.Column<long>(type: "bigint", nullable: false),
                    LastExportId = table.Column<long>(type: "bigint", nullable: false),
                    Succeeded = table.Column<bool>(type: "bit", nullable: false),
                    Tries = table.Column<int>(type: "int", nullable: false),
                    Error = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    DurationMs = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RatingDeliveries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RatingExports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EvaluationId = table.Column<int>(type: "int", nullable: false),
                    ServiceDay = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    EnqueuedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    LastAttemptAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RatingExports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RatingExports_Evaluations_EvaluationId",
                        column: x => x.EvaluationId,
                        principalTable: "Evaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RatingDeliveries_At",
                table: "RatingDeliveries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_RatingExports_EvaluationId",
                table: "RatingExports",
                column: "EvaluationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RatingExports_ServiceDay",
                table: "RatingExports",
                column: "ServiceDay");

            migrationBuilder.CreateIndex(
                name: "IX_RatingExports_State_Id",
                table: "RatingExports",
                columns: new[] { "State", "Id" });

            // Rows from before carry revision 0; the model has no default (new rows start at 0 in code), so the default goes again.
            migrationBuilder.AlterColumn<int>(
                name: "Revision",
                table: "Rectifications",
                type: "int",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "int",
                oldDefaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RatingDeliveries");

            migrationBuilder.DropTable(
                name: "RatingExports");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "Rectifications");
        }
    }
}

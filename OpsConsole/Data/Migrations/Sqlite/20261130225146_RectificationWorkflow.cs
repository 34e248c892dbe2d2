using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpsConsole.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RectificationWorkflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Appeal",
                table: "Rectifications",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "None"); // rows from before the workflow have had no misrating appeal (the enum is stored by name)

            migrationBuilder.AddColumn<long>(
                name: "AppealDecidedAt",
                table: "Rectifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AppealDecidedBy",
                table: "Rectifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AppealDecisionNote",
                table: "Rectifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AppealReason",
                table: "Rectifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AppealedAt",
                table: "Rectifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AppealedBy",
                table: "Rectifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ApplicantSatisfied",
                table: "Rectifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AssignedAt",
                table: "Rectifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AssignedToStaffId",
                table: "Rectifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CallbackOutcome",
                table: "Rectifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CalledBackAt",
                table: "Rectifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CalledBackBy",
                table: "Rectifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ClosedBy",
                table: "Rectifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EvidenceFileId",
                table: "Rectifications",
                type: "INTEGER",
                nullable: true);

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Appeal",
                table: "Rectifications");

            migrationBuilder.DropColumn(
                name: "AppealDecidedAt",
                table: "Rectifications");

            migrationBuilder.DropColumn(
                name: "AppealDecidedBy",
                table: "Rectifications");

            migrationBuilder.DropColumn(
                name: "AppealDecisionNote",
                table: "Rectifications");

            migrationBuilder.DropColumn(
                name: "AppealReason",
                table: "Rectifications");

            migrationBuilder.DropColumn(
                name: "AppealedAt",
                table: "Rectifications");

            migrationBuilder.DropColumn(
                name: "AppealedBy",
                table: "Rectifications");

            migrationBuilder.DropColumn(
                name: "ApplicantSatisfied",
                table: "Rectifications");

            migrationBuilder.DropColumn(
                name: "AssignedAt",
                table: "Rectifications");

            migrationBuilder.DropColumn(
                name: "AssignedToStaffId",
                table: "Rectifications");

            migrationBuilder.DropColumn(
                name: "CallbackOutcome",
                table: "Rectifications");

            migrationBuilder.DropColumn(
                name: "CalledBackAt",
                table: "Rectifications");

            migrationBuilder.DropColumn(
                name: "CalledBackBy",
                table: "Rectifications");

            migrationBuilder.DropColumn(
                name: "ClosedBy",
                table: "Rectifications");

            migrationBuilder.DropColumn(
                name: "EvidenceFileId",
                table: "Rectifications");
        }
    }
}

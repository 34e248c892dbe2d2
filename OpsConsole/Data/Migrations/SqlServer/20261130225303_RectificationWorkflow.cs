using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpsConsole.Data.Migrations.SqlServer
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
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AppealDecidedAt",
                table: "Rectifications",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AppealDecidedBy",
                table: "Rectifications",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AppealDecisionNote",
                table: "Rectifications",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AppealReason",
                table: "Rectifications",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AppealedAt",
                table: "Rectifications",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AppealedBy",
                table: "Rectifications",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ApplicantSatisfied",
                table: "Rectifications",
                type: "bit",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AssignedAt",
                table: "Rectifications",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AssignedToStaffId",
                table: "Rectifications",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CallbackOutcome",
                table: "Rectifications",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CalledBackAt",
                table: "Rectifications",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CalledBackBy",
                table: "Rectifications",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ClosedBy",
                table: "Rectifications",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EvidenceFileId",
                table: "Rectifications",
                type: "bigint",
                nullable: true);


            // Rows from before the workflow have had no misrating appeal ("None": the enum is stored by name). The model
            // has no default (new rows always carry the state), so the default goes again, as on a database made from empty.
            migrationBuilder.AlterColumn<string>(
                name: "Appeal",
                table: "Rectifications",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(40)",
                oldMaxLength: 40,
                oldDefaultValue: "None");
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

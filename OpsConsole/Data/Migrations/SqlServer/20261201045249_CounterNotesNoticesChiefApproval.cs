using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpsConsole.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CounterNotesNoticesChiefApproval : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FirstApprovedAt",
                table: "OfficialAbsences",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FirstApprovedBy",
                table: "OfficialAbsences",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstApprovedAt",
                table: "MakeUpPunchRequests",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FirstApprovedBy",
                table: "MakeUpPunchRequests",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstApprovedAt",
                table: "LeaveRecords",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FirstApprovedBy",
                table: "LeaveRecords",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MissingMaterialsNotices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TicketId = table.Column<int>(type: "int", nullable: false),
                    TicketNumber = table.Column<string>(type: "nvarchar(7)", maxLength: 7, nullable: false),
                    ServiceItemId = table.Column<int>(type: "int", nullable: false),
                    ItemCode = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ItemName = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Materials = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    WindowId = table.Column<int>(type: "int", nullable: false),
                    StaffId = table.Column<int>(type: "int", nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MissingMaterialsNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MissingMaterialsNotices_ServiceItems_ServiceItemId",
                        column: x => x.ServiceItemId,
                        principalTable: "ServiceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MissingMaterialsNotices_Staff_StaffId",
                        column: x => x.StaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MissingMaterialsNotices_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MissingMaterialsNotices_Windows_WindowId",
                        column: x => x.WindowId,
                        principalTable: "Windows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TicketNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TicketId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    WindowId = table.Column<int>(type: "int", nullable: false),
                    StaffId = table.Column<int>(type: "int", nullable: false),
                    WrittenAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TicketNotes_Staff_StaffId",
                        column: x => x.StaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TicketNotes_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TicketNotes_Windows_WindowId",
                        column: x => x.WindowId,
                        principalTable: "Windows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MissingMaterialsNotices_IssuedAt",
                table: "MissingMaterialsNotices",
                column: "IssuedAt");

            migrationBuilder.CreateIndex(
                name: "IX_MissingMaterialsNotices_ServiceItemId",
                table: "MissingMaterialsNotices",
                column: "ServiceItemId");

            migrationBuilder.CreateIndex(
                name: "IX_MissingMaterialsNotices_StaffId",
                table: "MissingMaterialsNotices",
                column: "StaffId");

            migrationBuilder.CreateIndex(
                name: "IX_MissingMaterialsNotices_TicketId",
                table: "MissingMaterialsNotices",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_MissingMaterialsNotices_WindowId",
                table: "MissingMaterialsNotices",
                column: "WindowId");

            migrationBuilder.CreateIndex(
                name: "IX_TicketNotes_StaffId",
                table: "TicketNotes",
                column: "StaffId");

            migrationBuilder.CreateIndex(
                name: "IX_TicketNotes_TicketId",
                table: "TicketNotes",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_TicketNotes_WindowId",
                table: "TicketNotes",
                column: "WindowId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MissingMaterialsNotices");

            migrationBuilder.DropTable(
                name: "TicketNotes");

            migrationBuilder.DropColumn(
                name: "FirstApprovedAt",
                table: "OfficialAbsences");

            migrationBuilder.DropColumn(
                name: "FirstApprovedBy",
                table: "OfficialAbsences");

            migrationBuilder.DropColumn(
                name: "FirstApprovedAt",
                table: "MakeUpPunchRequests");

            migrationBuilder.DropColumn(
                name: "FirstApprovedBy",
                table: "MakeUpPunchRequests");

            migrationBuilder.DropColumn(
                name: "FirstApprovedAt",
                table: "LeaveRecords");

            migrationBuilder.DropColumn(
                name: "FirstApprovedBy",
                table: "LeaveRecords");
        }
    }
}

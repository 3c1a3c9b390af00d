/*
 * trienkhai: one binary for the whole system. This file is the table of commands, with the
 * help of each beside it; every command lives in src/cli/.
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"

struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *usage;
    const char *help;
};

static const struct command commands[] = {
    {"init", cmd_init, "init --db FILE",
     "Tạo cơ sở dữ liệu mới với tài khoản admin (mật khẩu: $TRIENKHAI_ADMIN_PASSWORD hoặc tự "
     "sinh và in ra một lần). / Create an empty database with an admin account."},
    {"demo", cmd_demo, "demo --db FILE",
     "Như init, rồi nạp dữ liệu mẫu Quảng Ninh nhiệm kỳ 2020–2025. / Like init, then load the "
     "built-in Quảng Ninh demo data."},
    {"serve", cmd_serve, "serve --db FILE --listen HOST:PORT [--threads N]",
     "Phục vụ API và giao diện web; in \"listening on http://HOST:PORT\". / Serve the API and "
     "the web UI (port 0: any free port)."},
    {"export", cmd_export, "export --db FILE [--org ID] > out.json",
     "Xuất toàn bộ dữ liệu, hoặc một cây tổ chức kèm những gì nó tham chiếu bên ngoài (cấp "
     "trên, nghị quyết, chương trình của cấp trên), ra JSON nhập được vào tệp trống. / Export "
     "everything, or one org's subtree with the rows outside it that it refers to, as JSON that "
     "imports alone."},
    {"import", cmd_import, "import --db FILE [--file in.json] < in.json",
     "Nhập tệp JSON đã xuất (UTF-8; TCVN3, VNI, Windows-1258 được chuyển đổi). / Import an "
     "export document."},
    {"backup", cmd_backup, "backup --db FILE --to COPY [--compact]",
     "Sao lưu trực tuyến, nhất quán, khi máy chủ vẫn chạy; --compact: bản sao bỏ các trang "
     "trống (sau nâng cấp hay xóa nhiều). / Online, consistent copy; --compact leaves out free "
     "pages."},
    {"user", cmd_user,
     "user add|passwd|list|revoke|token --db FILE --username NAME [--role R] [--org-id ID]",
     "Quản lý tài khoản; mật khẩu đọc từ $TRIENKHAI_PASSWORD hoặc bàn phím; token in ra một mã "
     "Bearer mới. / Manage accounts; `token` prints a new bearer token."},
    {"gen", cmd_gen, "gen --tier province|country --db FILE [--seed N]",
     "Như init, rồi sinh dữ liệu tổng hợp xác định theo quy mô một tỉnh hoặc cả nước. / Like "
     "init, then a deterministic synthetic data set of that tier's size."},
    {"audit", cmd_audit, "audit verify --db FILE",
     "Kiểm tra chuỗi băm của nhật ký. / Check the audit chain."},
};

static void usage(FILE *out)
{
    fprintf(out, "trienkhai — triển khai nghị quyết / resolution implementation\n\nLệnh / "
                 "commands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  trienkhai %s\n      %s\n", commands[i].usage, commands[i].help);
    fprintf(out, "\n--db mặc định / defaults to $TRIENKHAI_DB, then ./trienkhai.db\n");
}

int main(int argc, char **argv)
{
    if (sodium_init() < 0) {
        fprintf(stderr, "trienkhai: libsodium không khởi động được / libsodium failed\n");
        return 1;
    }
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
        !strcmp(argv[1], "help")) {
        usage(stdout);
        return argc < 2 ? 2 : 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(argv[1], commands[i].name) != 0)
            continue;
        for (int k = 2; k < argc; k++)
            if (!strcmp(argv[k], "--help") || !strcmp(argv[k], "-h")) {
                printf("trienkhai %s\n\n%s\n", commands[i].usage, commands[i].help);
                return 0;
            }
        return commands[i].run(argc - 2, argv + 2);
    }
    fprintf(stderr, "trienkhai: lệnh không hợp lệ / unknown command: %s (trienkhai --help)\n",
            argv[1]);
    return 2;
}

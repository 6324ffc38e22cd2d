print("plprobe")

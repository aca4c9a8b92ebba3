print("copydesk")
